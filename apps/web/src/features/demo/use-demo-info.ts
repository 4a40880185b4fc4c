import type { DemoInfo } from '@zemag/contracts';
import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/api-client';
import { useApi } from '../../api/api.context';
import { fetchDemoInfo } from './demo.api';

// One question per page load: the banner and the sign-in page share the answer.
const answers = new WeakMap<ApiClient, Promise<DemoInfo>>();
// The answer once it is in, so a page rendered later starts with it (no banner popping in).
const known = new WeakMap<ApiClient, DemoInfo>();

const NO_DEMO: DemoInfo = { enabled: false, accounts: [] };

/**
 * Whether this is a demo instance, with its accounts; `null` until the server answered. An
 * unreachable server counts as no demo: the app then simply shows no demo parts.
 */
export function useDemoInfo(): DemoInfo | null {
  const api = useApi();
  const [info, setInfo] = useState<DemoInfo | null>(() => known.get(api) ?? null);
  useEffect(() => {
    let active = true;
    void loadDemoInfo(api).then((value) => active && setInfo(value));
    return () => {
      active = false;
    };
  }, [api]);
  return info;
}

/** Asks the server once per page load (main.tsx asks before the first render). */
export function loadDemoInfo(api: ApiClient): Promise<DemoInfo> {
  let answer = answers.get(api);
  if (!answer) {
    answer = fetchDemoInfo(api)
      .catch(() => NO_DEMO)
      .then((value) => {
        known.set(api, value);
        return value;
      });
    answers.set(api, answer);
  }
  return answer;
}
