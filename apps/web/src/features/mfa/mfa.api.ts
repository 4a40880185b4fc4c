import {
  EnrolmentResult,
  FactorList,
  RecoveryCodes,
  SessionInfo,
  TotpEnrolment,
  WebAuthnJson,
  type SecondFactorRequest,
} from '@zemag/contracts';
import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { ApiClient } from '../../api/api-client';

/** Proves the session's second factor; the server rotates the session cookie. */
export function proveSecondFactor(api: ApiClient, request: SecondFactorRequest) {
  return api.post('/api/v1/session/second-factor', request, SessionInfo);
}

/** Asks the phone's passkey and proves it as second factor. */
export async function proveWithPasskey(api: ApiClient) {
  const options = await api.post('/api/v1/session/second-factor/passkey-options', {}, WebAuthnJson);
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return proveSecondFactor(api, { method: 'webauthn', response: { ...response } });
}

/** Creates a passkey on this device and stores it. */
export async function enrolPasskey(api: ApiClient, label?: string) {
  const options = await api.post('/api/v1/me/factors/passkey-options', {}, WebAuthnJson);
  const response = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return api.post(
    '/api/v1/me/factors/passkey',
    { response: { ...response }, ...(label ? { label } : {}) },
    EnrolmentResult,
  );
}

export function startTotp(api: ApiClient) {
  return api.post('/api/v1/me/factors/totp', {}, TotpEnrolment);
}

export function confirmTotp(api: ApiClient, factorId: string, code: string, label?: string) {
  return api.post(
    '/api/v1/me/factors/totp/confirm',
    { factorId, code, ...(label ? { label } : {}) },
    EnrolmentResult,
  );
}

export function listFactors(api: ApiClient) {
  return api.get('/api/v1/me/factors', FactorList);
}

export function renameFactor(api: ApiClient, id: string, label: string) {
  return api.send('PATCH', `/api/v1/me/factors/${id}`, { label });
}

export function revokeFactor(api: ApiClient, id: string) {
  return api.send('DELETE', `/api/v1/me/factors/${id}`);
}

/** The recovery codes shown were kept: enrolment is complete; returns the session's new state. */
export function confirmRecoveryCodes(api: ApiClient) {
  return api.post('/api/v1/me/recovery-codes/confirmation', {}, SessionInfo);
}

export function regenerateRecoveryCodes(api: ApiClient) {
  return api.post('/api/v1/me/recovery-codes', {}, RecoveryCodes);
}
