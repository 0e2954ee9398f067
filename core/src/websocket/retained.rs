//! How much of a reusable buffer is kept between messages: a leaf that the
//! reader (reassembly), deflate (compression scratch) and the PHP layer's
//! connection input share.

/// A reusable buffer (reassembly, compression scratch) keeps at most this
/// much capacity between messages, so an idle connection that once got a
/// large message does not hold on to it.
pub const RETAINED_CAPACITY: usize = 64 * 1024;
