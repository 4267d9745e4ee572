import { z } from 'zod';

import { messageWireSchema } from '@/lib/chat/wire';

/** Requests and answers of the pin routes (lib/pins/endpoints.ts). */

export const pinPolicySchema = z.enum(['admins_and_author', 'everyone']);
export type PinPolicyWire = z.infer<typeof pinPolicySchema>;

export const setPinPolicySchema = z.object({ policy: pinPolicySchema });

export const pinWireSchema = z.object({
  message: messageWireSchema,
  pinnedBy: z.string(),
  pinnedAt: z.iso.datetime(),
});
export type PinWire = z.infer<typeof pinWireSchema>;

export const pinsResponseSchema = z.object({
  /** The most recently pinned first. */
  pins: z.array(pinWireSchema),
  /** Who may pin here: in a DM always everyone. */
  policy: pinPolicySchema,
  /** Whether the caller may pin any message here (else only their own, under the default). */
  canPinAny: z.boolean(),
});
export type PinsResponse = z.infer<typeof pinsResponseSchema>;

export const pinResponseSchema = z.object({ pin: pinWireSchema });
export const pinPolicyResponseSchema = z.object({ policy: pinPolicySchema });
