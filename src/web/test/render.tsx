import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { Providers } from '../app/providers';
import { createTestRouter } from '../app/routes';

export function testQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
}

export function renderWithProviders(ui: ReactElement, { path = '/', client = testQueryClient() } = {}) {
  return { client, ...render(<Providers client={client} env="test"><MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter></Providers>) };
}

/** The whole app (routes, guards, shell) at a path, over a fake API. */
export function renderApp(path: string, client = testQueryClient()) {
  const router = createTestRouter(path);
  return { client, router, ...render(<Providers client={client} env="test"><RouterProvider router={router} /></Providers>) };
}

type Handler = (request: { method: string; url: URL; body: unknown }) => { status?: number; body?: unknown } | undefined;

export const problem = (status: number, code: string, detail: string, errors?: { path: string; message: string }[]) => ({
  status,
  body: { type: 'about:blank', title: 'Invalid request', status, code, detail, ...(errors && { errors }) },
});

/** Stubs fetch with a route table: `METHOD /path` -> handler; unmatched calls answer 404 problem+json. */
export function fakeApi(routes: Record<string, Handler | { status?: number; body?: unknown }>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname, body });
    const route = routes[`${method} ${url.pathname}`];
    const answer = typeof route === 'function' ? route({ method, url, body }) : route;
    const { status = 200, body: payload } = answer ?? problem(404, 'not_found', `No fake for ${method} ${url.pathname}`);
    return new Response(status === 204 ? null : JSON.stringify(payload ?? null), { status, headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls, fetch: fetchStub };
}

export const me = { id: 'u1', email: 'priya@example.com', name: 'Priya Raman', role: 'admin', timezone: 'UTC', createdAt: '2026-01-01T00:00:00.000Z' };

export function contact(overrides: Record<string, unknown> = {}) {
  return {
    id: '0190a4c2-0000-7000-8000-000000000001',
    name: 'Ada Lovelace',
    givenName: null,
    familyName: null,
    pronouns: null,
    headline: null,
    organization: 'Analytical Engines',
    organizationId: null,
    title: 'Mathematician',
    location: 'London',
    timezone: 'Europe/London',
    emails: ['ada@example.com'],
    phones: [],
    socialProfiles: [{ type: 'github', url: 'https://github.com/ada', handle: 'ada' }],
    birthday: null,
    howWeMet: null,
    circle: null,
    cadenceDays: 30,
    tags: ['math'],
    starred: false,
    archived: false,
    lastInteractionAt: null,
    nextDueOn: '2026-02-01',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}
