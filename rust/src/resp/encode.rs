//! Packing commands as RESP arrays of bulk strings, in one exactly sized buffer.

/// Bytes that end every argument.
pub const ARG_TRAILER: &[u8] = b"\r\n";

fn digits(mut n: usize) -> usize {
    let mut d = 1;
    while n >= 10 {
        n /= 10;
        d += 1;
    }
    d
}

/// Encoded length of a command whose arguments have lengths `arg_lens`.
pub fn command_len(arg_lens: impl Iterator<Item = usize> + Clone, count: usize) -> usize {
    let header = 1 + digits(count) + 2;
    header + arg_lens.map(|len| 1 + digits(len) + 2 + len + 2).sum::<usize>()
}

/// `*<count>\r\n`
pub fn write_command_header(out: &mut Vec<u8>, count: usize) {
    out.push(b'*');
    push_decimal(out, count);
    out.extend_from_slice(b"\r\n");
}

/// `$<len>\r\n` (the argument's bytes and [`ARG_TRAILER`] follow).
pub fn write_arg_header(out: &mut Vec<u8>, len: usize) {
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
    fn empty_and_large_lengths() {
        assert_eq!(pack(&[b""]), b"*1\r\n$0\r\n\r\n");
        let mut out = Vec::new();
        write_arg_header(&mut out, 10_000_000);
        assert_eq!(out, b"$10000000\r\n");
    }
}
