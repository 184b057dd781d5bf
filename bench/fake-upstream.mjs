// A fast fake OpenAI-compatible upstream for benchmarks: answers /chat/completions at once with a
// usage object, or streams (stream: true) a few chunks spread over STREAM_MS milliseconds.
//   node bench/fake-upstream.mjs <port> [streamMs]
import http from 'node:http';

const port = Number(process.argv[2] ?? 4100);
const streamMs = Number(process.argv[3] ?? 0);
const answer = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1750000000, model: 'bench-model',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Hello from the fake upstream.' } }],
  usage: { prompt_tokens: 12, completion_tokens: 6, total_tokens: 18 },
});
const chunk = (delta) => `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1750000000, model: 'bench-model', choices: [{ index: 0, delta }] })}\n\n`;
const usageChunk = `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1750000000, model: 'bench-model', choices: [{ index: 0, delta: {} }], usage: { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 } })}\n\n`;

const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    if (req.method === 'GET' && req.url.endsWith('/health/readiness')) { res.end('{"status":"healthy"}'); return; }
    if (!body.includes('"stream":true')) {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const parts = [{ role: 'assistant', content: '' }, { content: 'Hello' }, { content: ' from' }, { content: ' the stream.' }];
    const step = streamMs / parts.length;
    let i = 0;
    const next = () => {
      if (i < parts.length) { res.write(chunk(parts[i++])); setTimeout(next, step); return; }
      res.write(usageChunk);
      res.end('data: [DONE]\n\n');
    };
    next();
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => console.log(`fake upstream on ${port}, streams take ${streamMs} ms`));
