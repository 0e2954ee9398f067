//! UTF-8 validation of a text message that arrives in pieces: each fragment
//! (or each inflated chunk) is checked as it comes, so a bad byte fails the
//! connection at once, and a character split between two fragments is fine.

/// How much of a growing buffer is known to be valid UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Utf8Cursor {
    /// Bytes from the buffer's start that are whole, valid characters.
    checked: usize,
}

impl Utf8Cursor {
    /// Checks what `buf` gained since the last call. A character cut off at
    /// the end is allowed (it may finish in the next fragment); `false` on a
    /// byte sequence no continuation can make valid.
    pub fn advance(&mut self, buf: &[u8]) -> bool {
        match std::str::from_utf8(&buf[self.checked..]) {
            Ok(_) => {
                self.checked = buf.len();
                true
            }
            Err(e) if e.error_len().is_none() => {
                self.checked += e.valid_up_to();
                true
            }
            Err(_) => false,
        }
    }

    /// The message is complete: no character may be left unfinished.
    pub fn finish(&self, buf: &[u8]) -> bool {
        self.checked == buf.len()
    }

    /// Starts over for the next message.
    pub fn reset(&mut self) {
        self.checked = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(pieces: &[&[u8]]) -> bool {
        let mut buf = Vec::new();
        let mut c = Utf8Cursor::default();
        for p in pieces {
            buf.extend_from_slice(p);
            if !c.advance(&buf) {
                return false;
            }
        }
        c.finish(&buf)
    }

    #[test]
    fn split_characters_join() {
        assert!(run(&[b"\xce", b"\xba"]));
        assert!(run(&[b"a\xf0\x9f", b"\x98", b"\x80b"]));
        assert!(run(&[b"", b"plain", b""]));
    }

    #[test]
    fn bad_bytes_fail_at_once() {
        assert!(!run(&[b"\xff"]));
        assert!(!run(&[b"\xce", b"\xff"]));
        // A surrogate half, an overlong form, past U+10FFFF.
        assert!(!run(&[b"\xed\xa0\x80"]));
        assert!(!run(&[b"\xc0\xaf"]));
        assert!(!run(&[b"\xf4\x90\x80\x80"]));
        // Fails on the first fragment, before any more arrive.
        let mut c = Utf8Cursor::default();
        assert!(!c.advance(b"ok\xf5"));
    }

    #[test]
    fn unfinished_character_at_the_end_fails() {
        assert!(!run(&[b"\xce"]));
        assert!(!run(&[b"ab\xf0\x9f\x98"]));
    }
}
