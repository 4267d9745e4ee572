import type { Metadata } from 'next';
import Link from 'next/link';

import { SiteHeader } from '@/components/site-header';
import { buildOpenApiDocument } from '@/lib/openapi/document';

export const metadata: Metadata = { title: 'API' };

type Op = {
  summary: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string }>;
};

const methodTone: Record<string, string> = {
  get: 'bg-emerald-600',
  post: 'bg-indigo-600',
  patch: 'bg-amber-600',
  put: 'bg-amber-600',
  delete: 'bg-rose-600',
};

/** Renders /api/v1/openapi.json for people: every operation, its parameters, body and answers. */
export default function ApiDocsPage() {
  const doc = buildOpenApiDocument();
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader />
      <main className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8">
        <div className="flex flex-col gap-2">
          <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
          <p className="text-muted">{doc.info.description}</p>
          <p className="text-sm">
            Machine-readable:{' '}
            <Link href="/api/v1/openapi.json" className="text-accent underline">
              /api/v1/openapi.json
            </Link>{' '}
            (OpenAPI {doc.openapi}). Errors are always{' '}
            <code>{'{error: {code, message, fields?}}'}</code>.
          </p>
        </div>
        {Object.entries(doc.paths).map(([path, methods]) =>
          Object.entries(methods as Record<string, Op>).map(([method, op]) => (
            <section
              key={`${method} ${path}`}
              aria-label={`${method.toUpperCase()} ${path}`}
              className="rounded-lg border border-border p-4"
            >
              <h2 className="flex flex-wrap items-center gap-2 font-mono text-sm">
                <span
                  className={`rounded px-2 py-0.5 font-semibold uppercase text-white ${methodTone[method] ?? 'bg-slate-600'}`}
                >
                  {method}
                </span>
                <span>{path}</span>
                {op.security?.length === 0 ? (
                  <span className="rounded bg-surface-2 px-2 py-0.5 font-sans text-xs">
                    no auth
                  </span>
                ) : null}
              </h2>
              <p className="mt-2">{op.summary}</p>
              {op.parameters?.length ? (
                <p className="mt-1 text-sm text-muted">
                  Parameters: {op.parameters.map((p) => `${p.name} (${p.in})`).join(', ')}
                </p>
              ) : null}
              {op.requestBody
                ? Object.entries(op.requestBody.content).map(([type, { schema }]) => (
                    <details key={type} className="mt-2 text-sm">
                      <summary className="cursor-pointer">Request body ({type})</summary>
                      <pre className="mt-2 overflow-x-auto rounded bg-surface p-3 text-xs">
                        {JSON.stringify(schema, null, 2)}
                      </pre>
                    </details>
                  ))
                : null}
              <ul className="mt-2 text-sm text-muted">
                {Object.entries(op.responses).map(([status, r]) => (
                  <li key={status}>
                    <span className="font-mono">{status}</span> {r.description}
                  </li>
                ))}
              </ul>
            </section>
          )),
        )}
      </main>
    </div>
  );
}
