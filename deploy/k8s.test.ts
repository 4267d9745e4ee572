import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { serverSchema } from '@/lib/env';

// Validated against the Kubernetes 1.27 OpenAPI schemas that kubernetes-models ships (each
// model's validate() throws with the failing path). No cluster runs here.
const dir = path.resolve(__dirname, 'k8s');
const load = (file: string): unknown => parse(readFileSync(path.join(dir, file), 'utf8'));
const models = {
  'configmap.yaml': ConfigMap,
  'secret.yaml': Secret,
  'deployment.yaml': Deployment,
  'service.yaml': Service,
  'hpa.yaml': HorizontalPodAutoscaler,
  'pdb.yaml': PodDisruptionBudget,
  'networkpolicy.yaml': NetworkPolicy,
} as const;

describe('deploy/k8s', () => {
  it.each(Object.entries(models))('%s is valid against its Kubernetes schema', (file, Model) => {
    const object = load(file) as ConstructorParameters<typeof Model>[0];
    expect(() => new Model(object as never).validate()).not.toThrow();
  });

  it('the validator is real: a wrong type is refused', () => {
    const deployment = load('deployment.yaml') as { spec: { replicas: unknown } };
    deployment.spec.replicas = 'two';
    expect(() => new Deployment(deployment as never).validate()).toThrow(/replicas/);
  });

  it('kustomization lists every manifest in the folder', () => {
    const listed = (load('kustomization.yaml') as { resources: string[] }).resources.sort();
    const present = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
      .sort();
    expect(listed).toEqual(present);
  });

  const deployment = new Deployment(load('deployment.yaml') as never);
  const container = deployment.spec!.template.spec!.containers[0]!;

  it('probes the health endpoints: live for startup and liveness, ready for readiness', () => {
    expect(container.startupProbe?.httpGet?.path).toBe('/api/health/live');
    expect(container.livenessProbe?.httpGet?.path).toBe('/api/health/live');
    expect(container.readinessProbe?.httpGet?.path).toBe('/api/health/ready');
  });

  it('rolls out without losing capacity, with requests and limits, as non-root', () => {
    expect(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
    expect(container.resources?.requests).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(container.resources?.limits).toMatchObject({
      cpu: expect.any(String),
      memory: expect.any(String),
    });
    expect(deployment.spec?.template.spec?.securityContext?.runAsNonRoot).toBe(true);
    expect(container.image).not.toMatch(/:latest$/);
  });

  it('autoscales 2–10 replicas at 70 % CPU, and keeps one up through disruptions', () => {
    const hpa = new HorizontalPodAutoscaler(load('hpa.yaml') as never);
    expect(hpa.spec).toMatchObject({ minReplicas: 2, maxReplicas: 10 });
    expect(hpa.spec?.metrics?.[0]?.resource).toMatchObject({
      name: 'cpu',
      target: { type: 'Utilization', averageUtilization: 70 },
    });
    expect(hpa.spec?.scaleTargetRef.name).toBe(deployment.metadata?.name);
    const pdb = new PodDisruptionBudget(load('pdb.yaml') as never);
    expect(pdb.spec?.minAvailable).toBe(1);
  });

  it('wires every variable of lib/env.ts through the ConfigMap or the Secret (Vercel’s own aside)', () => {
    const config = Object.keys(new ConfigMap(load('configmap.yaml') as never).data ?? {});
    const secret = Object.keys(new Secret(load('secret.yaml') as never).stringData ?? {});
    const wired = new Set([...config, ...secret]);
    const expected = Object.keys(serverSchema.shape).filter(
      (name) => !name.startsWith('VERCEL_') && name !== 'NODE_ENV',
    );
    expect(expected.filter((name) => !wired.has(name))).toEqual([]);
    expect([...wired].filter((name) => !(name in serverSchema.shape))).toEqual([]);
    expect(config.filter((name) => secret.includes(name))).toEqual([]);
    expect(container.envFrom?.map((e) => e.configMapRef?.name ?? e.secretRef?.name)).toEqual([
      'parley-config',
      'parley-secrets',
    ]);
  });
});
