// The settings page: a server component around the client part that holds the guide.
import { Settings } from './settings';

export default function Page() {
  return (
    <main>
      <h1>Add Integration</h1>
      <Settings />
    </main>
  );
}
