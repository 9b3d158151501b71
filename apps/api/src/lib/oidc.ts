import * as client from 'openid-client';
import type { OidcConfig } from '../config.ts';

/**
 * The provider's metadata, read once per process and issuer (discovery); a failed read is not
 * kept, so the next sign-in tries again once the provider is back.
 */
const discovered = new Map<string, Promise<client.Configuration>>();

function cacheKey(oidc: OidcConfig): string {
  return `${oidc.issuer}\n${oidc.clientId}`;
}

export async function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  const key = cacheKey(oidc);
  let pending = discovered.get(key);
  if (!pending) {
    pending = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      oidc.clientSecret,
      oidc.clientSecret ? client.ClientSecretBasic(oidc.clientSecret) : client.None(),
      {
        timeout: 10,
        execute: [
          // openid-client trusts an ID token from the token endpoint on TLS alone; Kenshu checks
          // its signature against the provider's published keys as well (the tests tamper with it).
          client.enableNonRepudiationChecks,
          // Plain http only for a provider on this machine (config.ts allows nothing else).
          ...(oidc.loopback ? [client.allowInsecureRequests] : []),
        ],
      },
    );
    discovered.set(key, pending);
    pending.catch(() => discovered.delete(key));
  }
  return pending;
}

/** What a sign-in must keep until the provider sends the person back. */
export interface AuthorizationRequest {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export async function buildAuthorizationRequest(oidc: OidcConfig): Promise<AuthorizationRequest> {
  const configuration = await providerConfiguration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUrl,
    scope: oidc.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/**
 * Exchanges the code at the provider and checks the ID token: signature (the provider's keys),
 * issuer, audience (this client), expiry, and the nonce and state this sign-in started with.
 * Throws when anything is off.
 */
export async function redeemAuthorizationCode(
  oidc: OidcConfig,
  callbackQuery: string,
  expected: { state: string; nonce: string; codeVerifier: string },
): Promise<{ claims: Record<string, unknown>; idToken: string }> {
  const configuration = await providerConfiguration(oidc);
  // The URL the provider redirected to, as configured (not as a proxy may have rewritten it).
  const currentUrl = new URL(oidc.redirectUrl);
  currentUrl.search = callbackQuery;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    expectedState: expected.state,
    expectedNonce: expected.nonce,
    pkceCodeVerifier: expected.codeVerifier,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new Error('The provider sent no ID token');
  return { claims: { ...claims }, idToken: tokens.id_token };
}

/** The provider's sign-out address for this ID token, when the provider offers one. */
export async function endSessionUrl(oidc: OidcConfig, idToken: string): Promise<string | null> {
  const configuration = await providerConfiguration(oidc);
  if (!configuration.serverMetadata().end_session_endpoint) return null;
  return client
    .buildEndSessionUrl(configuration, {
      id_token_hint: idToken,
      post_logout_redirect_uri: oidc.postLogoutRedirectUrl,
    })
    .toString();
}
