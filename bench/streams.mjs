// Opens N concurrent streaming chat completions at once and reports how many completed.
//   node bench/streams.mjs <baseUrl> <key> <count>
import http from 'node:http';

const [base, key, countText] = process.argv.slice(2);
const count = Number(countText ?? 1000);
const url = new URL('/v1/chat/completions', base);
const agent = new http.Agent({ keepAlive: true, maxSockets: count + 10 });
const body = JSON.stringify({ model: 'bench-model', stream: true, messages: [{ role: 'user', content: 'stream please' }], max_tokens: 16 });

const started = Date.now();
const one = () => new Promise((resolve) => {
  const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` } }, (res) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (d) => { text += d; });
    res.on('end', () => resolve(res.statusCode === 200 && text.includes('data: [DONE]')));
    res.on('error', () => resolve(false));
  });
  req.on('error', () => resolve(false));
  req.end(body);
});
const results = await Promise.all(Array.from({ length: count }, one));
const ok = results.filter(Boolean).length;
console.log(JSON.stringify({ streams: count, completed: ok, failed: count - ok, seconds: (Date.now() - started) / 1000 }));
agent.destroy();
