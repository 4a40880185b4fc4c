import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problem-message';
import { useTranslator } from '../i18n/use-translator';
import { Alert } from './alert';
import { Button } from './button';
import { Loading } from './loading';
import type { Resource } from './use-resource';

/**
 * What a page shows of a resource that is not there yet: the problem with a retry button when
 * loading failed, the loading note while it loads for the first time, otherwise nothing.
 */
export function ResourceState({
  resource,
  reload,
}: {
  resource: Resource<unknown>;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const translator = useTranslator();
  if (resource.status === 'error') {
    return (
      <Alert variant="danger" title={problemMessage(resource.error, translator)} role="alert">
        <Button variant="secondary" label={t('app.retry')} onClick={reload} />
      </Alert>
    );
  }
  return resource.status === 'loading' && !resource.data ? <Loading /> : null;
}
