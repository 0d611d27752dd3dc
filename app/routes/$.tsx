import { GeneralErrorBoundary } from "~/components/GeneralErrorBoundary";
import { notFound } from "~/http/permissions.server";

// Any URL no other route claims: a 404 page in the portal's frame.
export async function loader() {
  notFound();
  return null;
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
