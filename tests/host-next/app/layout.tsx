// The root layout of the Next.js test host (App Router).
import type { ReactNode } from 'react';

export const metadata = { title: 'Integrations · Settings (Next.js test host)', icons: { icon: 'data:,' } };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
