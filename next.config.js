import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Browser features the portal never uses, off for it and anything it might embed. (The CSP,
// which needs a nonce per request, is set in proxy.ts.)
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'browsing-topics=()',
].join(', ');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets several builds (e.g. parallel browser-test servers) live side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', 'pg-boss', 'nodemailer', 'rate-limiter-flexible', 'pino'],
  // We serve no remote images; the optimiser has had advisories, so keep it off.
  images: { unoptimized: true },
  poweredByHeader: false,
  // The browser tests' build (scripts/e2e-server.mjs) skips the type check `npm run check` has done,
  // and a fresh CI checkout skips writing Turbopack's build cache it will never read again.
  typescript: { ignoreBuildErrors: process.env.NEXT_BUILD_SKIP_TYPECHECK === '1' },
  experimental: { turbopackFileSystemCacheForBuild: process.env.CI !== 'true' },
  // Pages once grouped by role now live with their feature (issue 11); old links (bookmarks, mails,
  // stored notifications) keep working.
  async redirects() {
    return [
      { source: '/admin', destination: '/home', permanent: true },
      { source: '/admin/outbox', destination: '/mail/outbox', permanent: true },
      {
        source: '/admin/:feature(organisations|users|clusters|audit)/:rest*',
        destination: '/:feature/:rest*',
        permanent: true,
      },
      { source: '/coordinator', destination: '/home', permanent: true },
      { source: '/coordinator/matches', destination: '/introductions/queue', permanent: true },
      { source: '/coordinator/reviews', destination: '/listings/review', permanent: true },
    ];
  },
  async headers() {
    return [
      {
        source: '/(.*)',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: PERMISSIONS_POLICY },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
