/** Served at / until the web app is built: says Rapport runs and where the API lives. */
export function landingPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Rapport is running</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}code{background:#f3f4f6;padding:.1rem .3rem;border-radius:4px}a{color:#2563eb}</style></head>
<body>
<h1>Rapport is running</h1>
<p>The web app is not built in this install yet. The REST API is ready:</p>
<ul>
<li><a href="/api/docs">API documentation</a> (interactive)</li>
<li><a href="/api/openapi.json">OpenAPI document</a></li>
<li><a href="/healthz">Health check</a></li>
</ul>
<p>Create your account with <code>rapport user add you@example.com --password-stdin</code>, or <code>POST /api/auth/sign-up/email</code>; the first account is the admin.</p>
</body>
</html>`;
}
