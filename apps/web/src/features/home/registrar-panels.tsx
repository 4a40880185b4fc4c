import type { CurrentUser } from '@zemag/contracts';
import { ReviewHome } from '../review/review-home';
import { RequestsDuePanel } from '../subject-requests/requests-due.panel';

/** The register office's part of the start page: reports to review, listings and requests due. */
export function RegistrarPanels({ user }: { user: CurrentUser }) {
  return (
    <>
      <ReviewHome user={user} />
      <RequestsDuePanel user={user} />
    </>
  );
}
