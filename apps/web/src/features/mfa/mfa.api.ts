import { mfaContract as mfa, type SecondFactorRequest } from '@zemag/contracts';
import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import type { ApiClient } from '../../api/api-client';

/** Proves the session's second factor; the server rotates the session cookie. */
export function proveSecondFactor(api: ApiClient, request: SecondFactorRequest) {
  return api.call(mfa.verifySecondFactor, { body: request });
}

/** Asks the phone's passkey and proves it as second factor. */
export async function proveWithPasskey(api: ApiClient) {
  const options = await api.call(mfa.passkeyAuthenticationOptions);
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return proveSecondFactor(api, { method: 'webauthn', response: { ...response } });
}

/** Creates a passkey on this device and stores it. */
export async function enrolPasskey(api: ApiClient, label?: string) {
  const options = await api.call(mfa.passkeyRegistrationOptions);
  const response = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  return api.call(mfa.registerPasskey, {
    body: { response: { ...response }, ...(label ? { label } : {}) },
  });
}

export function startTotp(api: ApiClient) {
  return api.call(mfa.startTotp);
}

export function confirmTotp(api: ApiClient, factorId: string, code: string, label?: string) {
  return api.call(mfa.confirmTotp, { body: { factorId, code, ...(label ? { label } : {}) } });
}

export function listFactors(api: ApiClient) {
  return api.call(mfa.listFactors);
}

export function renameFactor(api: ApiClient, id: string, label: string) {
  return api.call(mfa.renameFactor, { params: { id }, body: { label } });
}

export function revokeFactor(api: ApiClient, id: string) {
  return api.call(mfa.revokeFactor, { params: { id } });
}

/** The recovery codes shown were kept: enrolment is complete; returns the session's new state. */
export function confirmRecoveryCodes(api: ApiClient) {
  return api.call(mfa.confirmRecoveryCodes);
}

export function regenerateRecoveryCodes(api: ApiClient) {
  return api.call(mfa.regenerateRecoveryCodes);
}
