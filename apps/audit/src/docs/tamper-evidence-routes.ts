import { AdminScopes } from '@extapps/contracts';
import { z } from 'zod';
import { PublicJwk } from '../checkpoints/signing-key';
import { BreakKind, VerificationReport } from '../verify/verification-report';
import { RouteDoc } from './route-doc';

const position = z.object({ seq: z.number().int(), hash: z.string() });

const BREAK_KINDS = [
  'edited-record',
  'deleted-record',
  'reordered-records',
  'truncated-tail',
  'checkpoint-mismatch',
  'forged-checkpoint',
  'missing-checkpoint',
] as const satisfies readonly BreakKind[];

const reportBase = {
  checkedAt: z.string(),
  start: position.extend({ from: z.enum(['genesis', 'checkpoint']) }),
  head: position.describe('the head when verification started'),
  records: z.number().int().describe('records checked (up to the broken link, if any)'),
  checkpoints: z.number().int(),
  lastCheckpoint: z
    .object({
      seq: z.number().int(),
      hash: z.string(),
      recordedAt: z.string(),
      signedAt: z.string(),
      keyId: z.string(),
    })
    .nullable()
    .describe('the last checkpoint checked and found valid'),
};

export const verificationReportSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('intact'), ...reportBase }),
  z.object({
    status: z.literal('broken'),
    ...reportBase,
    brokenLink: z.object({
      kind: z.enum(BREAK_KINDS),
      seq: z.number().int().describe('the lowest seq where it shows'),
      detail: z.string(),
    }),
  }),
]);

const jwksSchema = z.object({
  keys: z.array(
    z.object({
      kty: z.string(),
      crv: z.string(),
      x: z.string(),
      y: z.string().optional(),
      kid: z.string(),
      alg: z.enum(['EdDSA', 'ES256']),
      use: z.literal('sig'),
    }),
  ),
});

// The documents must follow the types the controllers answer with: each way assignable, or no build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _reportDocumented: Same<z.infer<typeof verificationReportSchema>, VerificationReport> = true;
const _keysDocumented: Same<z.infer<typeof jwksSchema>['keys'][number], PublicJwk> = true;
type Unlisted = Exclude<BreakKind, (typeof BREAK_KINDS)[number]>;
const _everyKindListed: [Unlisted] extends [never] ? true : never = true;

/** The routes of the chain slice: verification and the checkpoint keys. */
export const tamperEvidenceRoutes: readonly RouteDoc[] = [
  {
    method: 'get',
    path: '/v1/audit/verify',
    operationId: 'verifyChain',
    summary: 'Verify the hash chain and its signed checkpoints: intact, or the first broken link.',
    tag: 'verification',
    scopes: [AdminScopes.auditRead],
    responses: {
      200: {
        description: 'The report, intact or broken (the check itself succeeded).',
        body: verificationReportSchema,
      },
    },
    problems: [],
  },
  {
    method: 'get',
    path: '/v1/audit/keys',
    operationId: 'getCheckpointKeys',
    summary: 'The public keys checkpoints are signed with (a JWKS); no token needed.',
    tag: 'verification',
    scopes: [],
    responses: {
      200: {
        description: 'The JWKS.',
        body: jwksSchema,
        headers: { 'Cache-Control': 'public, max-age=300' },
      },
    },
    problems: [],
  },
];
