// BARS P1 peer: subscribes to every topic of a statescope-feed/1 server, JSON.parses each
// frame and counts events, nothing else. Prints one JSON line with its CPU time when the feed
// ends or after the given number of seconds.
// usage: node wsclient.js ws://127.0.0.1:PORT SECONDS
const WebSocket = require('ws');
const url = process.argv[2];
const seconds = Number(process.argv[3] || 10);
const topics = ['transition:*', 'state:*', 'execution:*', 'checkpoint:*', 'recovery:*', 'consistency:*', 'alert:*', 'metric:*'];
let events = 0;
let frames = 0;
const start = process.cpuUsage();
const ws = new WebSocket(url);
ws.on('open', () => ws.send(JSON.stringify({ action: 'subscribe', topics })));
ws.on('message', (data) => {
  const parsed = JSON.parse(data);
  frames++;
  if (Array.isArray(parsed)) {
    for (const e of parsed) if (e.seq !== undefined) events++;
  } else if (parsed.seq !== undefined) {
    events++;
  }
});
const finish = () => {
  const cpu = process.cpuUsage(start);
  console.log(JSON.stringify({ events, frames, cpuUs: cpu.user + cpu.system }));
  process.exit(0);
};
ws.on('close', finish);
setTimeout(finish, seconds * 1000);
