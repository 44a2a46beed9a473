//! One OTLP/gRPC export: a unary gRPC call over HTTP/2 without TLS (`grpc://`, "prior
//! knowledge": no upgrade), on a fresh connection, on the export thread. Only what one call
//! needs: our SETTINGS, the request's HEADERS and DATA (kept under the default flow-control
//! window, so no WINDOW_UPDATE is ever awaited), then frames read until our stream ends,
//! answering the server's SETTINGS and PINGs; `grpc-status` 0 is success.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use super::endpoint::HttpTarget;
use super::hpack;
use super::http::ExporterEnv;

/// For connecting, and for each read or write (as for OTLP/HTTP).
const TIMEOUT: Duration = Duration::from_secs(5);
const PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
/// The default flow-control window (65,535) less the gRPC message header: larger messages
/// are split by the caller ([`MAX_MESSAGE`]).
pub(super) const MAX_MESSAGE: usize = 65_535 - 5;
/// The default (and smallest allowed) SETTINGS_MAX_FRAME_SIZE.
const MAX_FRAME: usize = 16_384;

const DATA: u8 = 0x0;
const HEADERS: u8 = 0x1;
const RST_STREAM: u8 = 0x3;
const SETTINGS: u8 = 0x4;
const PING: u8 = 0x6;
const GOAWAY: u8 = 0x7;
const CONTINUATION: u8 = 0x9;

const END_STREAM: u8 = 0x1;
const ACK: u8 = 0x1;
const END_HEADERS: u8 = 0x4;
const PADDED: u8 = 0x8;
const PRIORITY: u8 = 0x20;

/// Our only stream.
const STREAM: u32 = 1;

/// Calls `path` (`/opentelemetry.proto.collector.trace.v1.TraceService/Export`) with
/// `message` (protobuf, at most [`MAX_MESSAGE`] bytes). Ok: the server answered grpc-status 0.
pub(super) fn call(target: &HttpTarget, path: &str, env: &ExporterEnv, message: &[u8]) -> Result<(), String> {
    if message.len() > MAX_MESSAGE {
        return Err(format!("a gRPC message of {} bytes is over the {MAX_MESSAGE} this exporter sends", message.len()));
    }
    let where_ = format!("{}:{}", target.host, target.port);
    let address = (target.host.as_str(), target.port)
        .to_socket_addrs()
        .map_err(|e| format!("cannot resolve {where_}: {e}"))?
        .next()
        .ok_or_else(|| format!("{where_} resolves to no address"))?;
    let mut stream = TcpStream::connect_timeout(&address, TIMEOUT).map_err(|e| format!("cannot connect to {where_}: {e}"))?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(|e| e.to_string())?;
    stream.set_nodelay(true).map_err(|e| e.to_string())?;
    let authority = if target.host.contains(':') { format!("[{}]:{}", target.host, target.port) } else { where_.clone() };
    stream.write_all(&request(&authority, path, env, message)?).map_err(|e| format!("gRPC to {where_}{path}: {e}"))?;
    let answer = read_answer(&mut stream).map_err(|e| format!("gRPC to {where_}{path}: {e}"))?;
    match (answer.status.as_deref(), answer.grpc_status.as_deref()) {
        (Some("200"), Some("0")) => Ok(()),
        (Some("200"), Some(code)) => Err(format!("{where_}{path} answered grpc-status {code}: {}", answer.grpc_message.unwrap_or_default())),
        (status, _) => Err(format!("{where_}{path} answered HTTP status {} without a grpc-status", status.unwrap_or("none"))),
    }
}

fn frame(out: &mut Vec<u8>, kind: u8, flags: u8, stream: u32, payload: &[u8]) {
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes()[1..]);
    out.push(kind);
    out.push(flags);
    out.extend_from_slice(&stream.to_be_bytes());
    out.extend_from_slice(payload);
}

/// Everything the client sends: preface, SETTINGS, HEADERS, DATA frames.
fn request(authority: &str, path: &str, env: &ExporterEnv, message: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(PREFACE.len() + 512 + message.len() + 9 * (message.len() / MAX_FRAME + 2));
    out.extend_from_slice(PREFACE);
    // SETTINGS_ENABLE_PUSH (2) = 0: we never want pushed streams.
    frame(&mut out, SETTINGS, 0, 0, &[0, 2, 0, 0, 0, 0]);
    let mut block = Vec::with_capacity(256);
    let user_agent = format!("glide-jni/{}", env!("CARGO_PKG_VERSION"));
    for (name, value) in [
        (":method", "POST"),
        (":scheme", "http"),
        (":path", path),
        (":authority", authority),
        ("content-type", "application/grpc"),
        ("te", "trailers"),
        ("user-agent", user_agent.as_str()),
    ] {
        hpack::encode_literal(&mut block, name, value);
    }
    for (name, value) in &env.headers {
        // HTTP/2 header names are lowercase.
        hpack::encode_literal(&mut block, &name.to_ascii_lowercase(), value);
    }
    if block.len() > MAX_FRAME {
        return Err("the gRPC request headers are over 16 KB (OTEL_EXPORTER_OTLP_HEADERS?)".into());
    }
    frame(&mut out, HEADERS, END_HEADERS, STREAM, &block);
    // The gRPC message: not compressed (0), its length, the protobuf.
    let mut body = Vec::with_capacity(5 + message.len());
    body.push(0);
    body.extend_from_slice(&(message.len() as u32).to_be_bytes());
    body.extend_from_slice(message);
    let chunks: Vec<&[u8]> = body.chunks(MAX_FRAME).collect();
    for (i, chunk) in chunks.iter().enumerate() {
        let flags = if i + 1 == chunks.len() { END_STREAM } else { 0 };
        frame(&mut out, DATA, flags, STREAM, chunk);
    }
    Ok(out)
}

/// What the server said about our stream.
#[derive(Debug, Default)]
struct Answer {
    status: Option<String>,
    grpc_status: Option<String>,
    grpc_message: Option<String>,
}

/// Reads frames until our stream ends; answers SETTINGS and PING as HTTP/2 requires.
fn read_answer(stream: &mut (impl Read + Write)) -> Result<Answer, String> {
    let mut answer = Answer::default();
    let mut decoder = hpack::Decoder::new();
    let mut block = Vec::new();
    let mut block_ends_stream = false;
    loop {
        let mut head = [0u8; 9];
        stream.read_exact(&mut head).map_err(|e| format!("connection ended before the answer: {e}"))?;
        let len = u32::from_be_bytes([0, head[0], head[1], head[2]]) as usize;
        let (kind, flags) = (head[3], head[4]);
        let id = u32::from_be_bytes([head[5], head[6], head[7], head[8]]) & 0x7fff_ffff;
        if len > 1 << 20 {
            return Err(format!("a frame of {len} bytes"));
        }
        let mut payload = vec![0u8; len];
        stream.read_exact(&mut payload).map_err(|e| format!("connection ended inside a frame: {e}"))?;
        match kind {
            SETTINGS if flags & ACK == 0 => {
                let mut ack = Vec::with_capacity(9);
                frame(&mut ack, SETTINGS, ACK, 0, &[]);
                stream.write_all(&ack).map_err(|e| e.to_string())?;
            }
            PING if flags & ACK == 0 => {
                let mut pong = Vec::with_capacity(17);
                frame(&mut pong, PING, ACK, 0, &payload);
                stream.write_all(&pong).map_err(|e| e.to_string())?;
            }
            GOAWAY => {
                let code = payload.get(4..8).map_or(0, |c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]));
                let debug = String::from_utf8_lossy(payload.get(8..).unwrap_or_default());
                return Err(format!("the server closed the connection (GOAWAY, error {code}) {debug}"));
            }
            RST_STREAM if id == STREAM => {
                let code = payload.get(0..4).map_or(0, |c| u32::from_be_bytes([c[0], c[1], c[2], c[3]]));
                return Err(format!("the server reset the call (RST_STREAM, error {code})"));
            }
            HEADERS if id == STREAM => {
                block = fragment(&payload, flags)?.to_vec();
                block_ends_stream = flags & END_STREAM != 0;
                if flags & END_HEADERS != 0 && take_headers(&mut decoder, &block, &mut answer, block_ends_stream)? {
                    return Ok(answer);
                }
            }
            CONTINUATION if id == STREAM => {
                block.extend_from_slice(&payload);
                if flags & END_HEADERS != 0 && take_headers(&mut decoder, &block, &mut answer, block_ends_stream)? {
                    return Ok(answer);
                }
            }
            DATA if id == STREAM && flags & END_STREAM != 0 => return Ok(answer),
            // The response message (an empty Export*ServiceResponse), WINDOW_UPDATE, acks,
            // other streams: nothing to do.
            _ => {}
        }
    }
}

/// A HEADERS payload without its padding and priority fields.
fn fragment(payload: &[u8], flags: u8) -> Result<&[u8], String> {
    let mut start = 0;
    let mut end = payload.len();
    if flags & PADDED != 0 {
        let pad = *payload.first().ok_or("empty padded HEADERS")? as usize;
        start += 1;
        end = end.checked_sub(pad).ok_or("HEADERS padding longer than the frame")?;
    }
    if flags & PRIORITY != 0 {
        start += 5;
    }
    payload.get(start..end).ok_or_else(|| "malformed HEADERS frame".to_string())
}

/// Records the headers of a complete block; whether the stream ended with it.
fn take_headers(decoder: &mut hpack::Decoder, block: &[u8], answer: &mut Answer, ends_stream: bool) -> Result<bool, String> {
    for (name, value) in decoder.decode(block)? {
        match name.as_str() {
            ":status" => answer.status = Some(value),
            "grpc-status" => answer.grpc_status = Some(value),
            "grpc-message" => answer.grpc_message = Some(value),
            _ => {}
        }
    }
    Ok(ends_stream)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// Reads one whole frame from a test server's side.
    fn read_frame(socket: &mut TcpStream) -> (u8, u8, u32, Vec<u8>) {
        let mut head = [0u8; 9];
        socket.read_exact(&mut head).unwrap();
        let len = u32::from_be_bytes([0, head[0], head[1], head[2]]) as usize;
        let mut payload = vec![0u8; len];
        socket.read_exact(&mut payload).unwrap();
        (head[3], head[4], u32::from_be_bytes([head[5], head[6], head[7], head[8]]), payload)
    }

    /// What the scripted server received: the request's headers and its DATA.
    type Received = (Vec<(String, String)>, Vec<u8>);

    /// A scripted HTTP/2 server: checks the request, then answers with `answer` frames.
    fn scripted(answer: Vec<u8>) -> (u16, std::thread::JoinHandle<Received>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let server = std::thread::spawn(move || {
            let (mut socket, _) = listener.accept().unwrap();
            let mut preface = [0u8; 24];
            socket.read_exact(&mut preface).unwrap();
            assert_eq!(&preface[..], PREFACE);
            let mut headers = Vec::new();
            let mut body = Vec::new();
            loop {
                let (kind, flags, stream, payload) = read_frame(&mut socket);
                match kind {
                    HEADERS => headers = hpack::Decoder::new().decode(&payload).unwrap(),
                    DATA => {
                        assert_eq!(stream, STREAM);
                        body.extend_from_slice(&payload);
                        if flags & END_STREAM != 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            socket.write_all(&answer).unwrap();
            // The client acknowledges our SETTINGS and answers our PING before it returns.
            let mut acked = (false, false);
            while acked != (true, true) {
                let (kind, flags, _, _) = read_frame(&mut socket);
                acked.0 |= kind == SETTINGS && flags & ACK != 0;
                acked.1 |= kind == PING && flags & ACK != 0;
            }
            (headers, body)
        });
        (port, server)
    }

    fn answer_frames(trailers: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        frame(&mut out, SETTINGS, 0, 0, &[0, 4, 0, 1, 0, 0]);
        frame(&mut out, PING, 0, 0, &[7; 8]);
        let mut block = Vec::new();
        hpack::encode_literal(&mut block, ":status", "200");
        // Split over HEADERS and CONTINUATION, as a server may.
        let (first, rest) = block.split_at(3);
        frame(&mut out, HEADERS, 0, STREAM, first);
        frame(&mut out, CONTINUATION, END_HEADERS, STREAM, rest);
        frame(&mut out, DATA, 0, STREAM, &[0, 0, 0, 0, 0]);
        let mut block = Vec::new();
        for (name, value) in trailers {
            hpack::encode_literal(&mut block, name, value);
        }
        frame(&mut out, HEADERS, END_HEADERS | END_STREAM, STREAM, &block);
        out
    }

    #[test]
    fn a_call_sends_the_message_and_reads_grpc_status() {
        let (port, server) = scripted(answer_frames(&[("grpc-status", "0")]));
        let target = HttpTarget { tls: false, host: "127.0.0.1".into(), port, path: String::new() };
        let env = ExporterEnv { headers: vec![("X-Key".into(), "k".into())], ..Default::default() };
        let message = vec![0xab; 40_000]; // three DATA frames
        call(&target, "/opentelemetry.proto.collector.trace.v1.TraceService/Export", &env, &message).unwrap();
        let (headers, body) = server.join().unwrap();
        let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        assert_eq!(header(":path").as_deref(), Some("/opentelemetry.proto.collector.trace.v1.TraceService/Export"));
        assert_eq!(header("content-type").as_deref(), Some("application/grpc"));
        assert_eq!(header("x-key").as_deref(), Some("k"));
        assert_eq!(&body[..5], &[0, 0, 0, 0x9c, 0x40]);
        assert_eq!(body.len(), 5 + 40_000);
    }

    #[test]
    fn a_grpc_error_is_reported_with_its_message() {
        let (port, server) = scripted(answer_frames(&[("grpc-status", "12"), ("grpc-message", "unimplemented")]));
        let target = HttpTarget { tls: false, host: "127.0.0.1".into(), port, path: String::new() };
        let env = ExporterEnv::default();
        let error = call(&target, "/x", &env, b"").unwrap_err();
        assert!(error.contains("grpc-status 12: unimplemented"), "{error}");
        server.join().unwrap();
    }

    #[test]
    fn a_message_over_the_window_is_refused_before_connecting() {
        let target = HttpTarget { tls: false, host: "127.0.0.1".into(), port: 1, path: String::new() };
        let env = ExporterEnv::default();
        assert!(call(&target, "/x", &env, &vec![0; MAX_MESSAGE + 1]).unwrap_err().contains("over the"));
    }
}
