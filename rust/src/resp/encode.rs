//! Packing commands as RESP arrays of bulk strings, in one exactly sized buffer.

/// Bytes that end every argument.
const ARG_TRAILER: &[u8] = b"\r\n";

fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// Encoded length of a command whose arguments have lengths `arg_lens`.
fn command_len(arg_lens: impl Iterator<Item = usize> + Clone, count: usize) -> usize {
    let header = 1 + digits(count) + 2;
    header + arg_lens.map(|len| 1 + digits(len) + 2 + len + 2).sum::<usize>()
}

/// `*<count>\r\n`
fn write_command_header(out: &mut Vec<u8>, count: usize) {
    out.push(b'*');
    push_decimal(out, count);
    out.extend_from_slice(b"\r\n");
}

/// `$<len>\r\n` (the argument's bytes and [`ARG_TRAILER`] follow).
fn write_arg_header(out: &mut Vec<u8>, len: usize) {
    out.push(b'$');
    push_decimal(out, len);
    out.extend_from_slice(b"\r\n");
}

fn push_decimal(out: &mut Vec<u8>, n: usize) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&buf[i..]);
}

/// Walks a command packed by someone else (Java packs its commands): checks
/// that it is exactly one RESP array of bulk strings, nothing before or after,
/// and calls `each(index, argument)` for every argument. A malformed command is
/// refused here so that it can never desynchronise a connection.
pub fn walk_command<'a>(packed: &'a [u8], mut each: impl FnMut(usize, &'a [u8])) -> Result<(), String> {
    let (count, mut pos) = header_number(packed, 0, b'*')?;
    if count == 0 {
        return Err("empty command".into());
    }
    for index in 0..count {
        let (len, start) = header_number(packed, pos, b'$')?;
        let end = start.checked_add(len).filter(|&end| end + 2 <= packed.len());
        let Some(end) = end.filter(|&end| &packed[end..end + 2] == ARG_TRAILER) else {
            return Err(format!("argument {index} does not fit its announced length {len}"));
        };
        each(index, &packed[start..end]);
        pos = end + 2;
    }
    if pos != packed.len() {
        return Err(format!("{} bytes after the last argument", packed.len() - pos));
    }
    Ok(())
}

/// `<prefix><decimal>\r\n` at `at`: the number and the position after the line.
fn header_number(packed: &[u8], at: usize, prefix: u8) -> Result<(usize, usize), String> {
    let malformed = || format!("malformed command: expected '{}' header at byte {at}", prefix as char);
    if packed.get(at) != Some(&prefix) {
        return Err(malformed());
    }
    let mut n: usize = 0;
    let mut pos = at + 1;
    while let Some(&b) = packed.get(pos).filter(|b| b.is_ascii_digit()) {
        n = n.checked_mul(10).and_then(|n| n.checked_add((b - b'0') as usize)).ok_or_else(malformed)?;
        pos += 1;
    }
    if pos == at + 1 || packed.get(pos..pos + 2) != Some(&b"\r\n"[..]) {
        return Err(malformed());
    }
    Ok((n, pos + 2))
}

/// Packs a whole command (tests and internal commands such as the handshake).
pub fn pack(args: &[&[u8]]) -> Vec<u8> {
    let mut out = Vec::with_capacity(command_len(args.iter().map(|a| a.len()), args.len()));
    write_command_header(&mut out, args.len());
    for a in args {
        write_arg_header(&mut out, a.len());
        out.extend_from_slice(a);
        out.extend_from_slice(ARG_TRAILER);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packs_exactly_the_announced_length() {
        let args: [&[u8]; 3] = [b"SET", b"key", &[0u8; 1234]];
        let packed = pack(&args);
        assert_eq!(packed.len(), command_len(args.iter().map(|a| a.len()), 3));
        assert_eq!(packed.capacity(), packed.len());
        assert!(packed.starts_with(b"*3\r\n$3\r\nSET\r\n$3\r\nkey\r\n$1234\r\n"));
        assert!(packed.ends_with(b"\x00\r\n"));
    }

    #[test]
    fn walks_a_packed_command() {
        let args: [&[u8]; 3] = [b"MSET", b"k\r\n", b""];
        let mut seen = Vec::new();
        walk_command(&pack(&args), |i, arg| seen.push((i, arg.to_vec()))).unwrap();
        assert_eq!(seen, vec![(0, b"MSET".to_vec()), (1, b"k\r\n".to_vec()), (2, vec![])]);
    }

    #[test]
    fn refuses_malformed_commands() {
        let good = pack(&[b"GET", b"key"]);
        for cut in 0..good.len() {
            assert!(walk_command(&good[..cut], |_, _| {}).is_err(), "prefix of {cut} bytes");
        }
        let mut extra = good.clone();
        extra.push(b'x');
        for bad in [
            &extra[..],
            b"*0\r\n",
            b"*1\r\n$3\r\nGETx\r\n",
            b"*1\r\n$-1\r\n",
            b"*1\r\n$99999999999999999999999\r\nx\r\n",
            b"*1\r\n$3\rGET\r\n",
            b"+OK\r\n",
        ] {
            assert!(walk_command(bad, |_, _| {}).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn empty_and_large_lengths() {
        assert_eq!(pack(&[b""]), b"*1\r\n$0\r\n\r\n");
        let mut out = Vec::new();
        write_arg_header(&mut out, 10_000_000);
        assert_eq!(out, b"$10000000\r\n");
    }
}
