export interface ExampleInput {
  /** e.g. https://hub.example.com/v1 */
  baseUrl: string;
  /** the model's externalId, as used in /v1 calls */
  model: string;
  /** the plaintext key, or a placeholder such as "ohk-abc123…" */
  apiKey: string;
  prompt?: string;
}

export function apiBaseUrl(origin: string = window.location.origin): string {
  return `${origin.replace(/\/$/, '')}/v1`;
}

export function curlExample({ baseUrl, model, apiKey, prompt = 'Hello!' }: ExampleInput): string {
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: prompt }] }, null, 2)
    .split('\n')
    .join('\n  ');
  return [
    `curl ${baseUrl}/chat/completions \\`,
    `  -H "Authorization: Bearer ${apiKey}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${body}'`,
  ].join('\n');
}

export function pythonExample({ baseUrl, model, apiKey, prompt = 'Hello!' }: ExampleInput): string {
  return [
    'from openai import OpenAI',
    '',
    `client = OpenAI(base_url="${baseUrl}", api_key="${apiKey}")`,
    '',
    'response = client.chat.completions.create(',
    `    model="${model}",`,
    `    messages=[{"role": "user", "content": ${JSON.stringify(prompt)}}],`,
    ')',
    'print(response.choices[0].message.content)',
  ].join('\n');
}

export function javascriptExample({ baseUrl, model, apiKey, prompt = 'Hello!' }: ExampleInput): string {
  return [
    "import OpenAI from 'openai';",
    '',
    `const client = new OpenAI({ baseURL: '${baseUrl}', apiKey: '${apiKey}' });`,
    '',
    'const response = await client.chat.completions.create({',
    `  model: '${model}',`,
    `  messages: [{ role: 'user', content: ${JSON.stringify(prompt)} }],`,
    '});',
    'console.log(response.choices[0].message.content);',
  ].join('\n');
}

export function csharpExample({ baseUrl, model, apiKey, prompt = 'Hello!' }: ExampleInput): string {
  return [
    'using System.ClientModel;',
    'using OpenAI;',
    'using OpenAI.Chat;',
    '',
    'var client = new ChatClient(',
    `    model: "${model}",`,
    `    credential: new ApiKeyCredential("${apiKey}"),`,
    `    options: new OpenAIClientOptions { Endpoint = new Uri("${baseUrl}") });`,
    '',
    `ChatCompletion completion = await client.CompleteChatAsync(${JSON.stringify(prompt)});`,
    'Console.WriteLine(completion.Content[0].Text);',
  ].join('\n');
}

export function streamingPythonExample({ baseUrl, model, apiKey }: ExampleInput): string {
  return [
    'from openai import OpenAI',
    '',
    `client = OpenAI(base_url="${baseUrl}", api_key="${apiKey}")`,
    '',
    'stream = client.chat.completions.create(',
    `    model="${model}",`,
    '    messages=[{"role": "user", "content": "Write a haiku about rivers."}],',
    '    stream=True,',
    '    stream_options={"include_usage": True},',
    ')',
    'for chunk in stream:',
    '    if chunk.choices:',
    '        print(chunk.choices[0].delta.content or "", end="")',
    '    if chunk.usage:',
    '        print("\\n", chunk.usage)',
  ].join('\n');
}

export function curlHeaderKeyExample({ baseUrl, apiKey }: Pick<ExampleInput, 'baseUrl' | 'apiKey'>): string {
  return [`curl ${baseUrl}/models \\`, `  -H "X-API-Key: ${apiKey}"`].join('\n');
}
