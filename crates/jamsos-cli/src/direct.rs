//! A large result file written past the page cache (Linux `O_DIRECT`).
//!
//! A batch result is gigabytes that this process writes once and does not
//! read back. Copied into the page cache, 4 GiB cost 11.5 s of system time
//! on the 2-core machine (`dd if=/dev/zero of=F bs=4M count=1024`), while
//! written with `O_DIRECT` the same bytes cost 0.33 s (`… oflag=direct`):
//! the device takes them from this process's memory. docs/DESIGN.md has the
//! figures for whole batches.
//!
//! `O_DIRECT` takes whole blocks from aligned memory at aligned file offsets,
//! so whole blocks of the buffer go that way and the last part block goes
//! through an ordinary handle of the same file. A file system that refuses
//! `O_DIRECT` (at `open` or at the first write) gets every byte through the
//! ordinary handle instead.
//!
//! A direct write returns only when the device has the bytes, so the writes
//! are made by a thread of their own while the batch fills the next buffer.

use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::{FileExt, OpenOptionsExt};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

/// The alignment `O_DIRECT` asks of memory, lengths and offsets: the largest
/// logical block size in common use (512-byte devices accept it too).
const BLOCK: usize = 4096;

/// Bytes gathered before a write: large writes keep the device busy with
/// few system calls.
const BUFFER: usize = 4 << 20;

/// Buffers in all: one being filled while the others are written.
const BUFFERS: usize = 4;

/// `BUFFER` bytes starting on a block boundary.
struct Buffer {
    /// `BUFFER + BLOCK` bytes, so that a window of `BUFFER` of them starts
    /// on a block boundary (`start`): a `Vec` of bytes has no alignment of
    /// its own, and this way needs no `unsafe` allocation.
    memory: Vec<u8>,
    start: usize,
}

impl Buffer {
    fn new() -> Buffer {
        let memory = vec![0u8; BUFFER + BLOCK];
        // The distance from the allocation to the next block boundary.
        let start = (BLOCK - memory.as_ptr() as usize % BLOCK) % BLOCK;
        Buffer { memory, start }
    }

    /// The aligned window (always in range: `start < BLOCK`).
    fn window(&mut self) -> &mut [u8] {
        let start = self.start;
        self.memory
            .get_mut(start..start + BUFFER)
            .unwrap_or_default()
    }
}

/// Whole blocks to write at `offset`.
struct Blocks {
    buffer: Buffer,
    len: usize,
    offset: u64,
}

/// Buffers a file's bytes and has them written with `O_DIRECT`.
pub(crate) struct DirectWriter {
    /// The buffer being filled, and how much of it is.
    buffer: Buffer,
    len: usize,
    /// Where the buffer's first byte goes in the file (a block boundary).
    offset: u64,
    /// Buffers back from the writing thread and not in use, and how many
    /// are still with it (with `buffer`, never more than `BUFFERS` in all).
    spare: Vec<Buffer>,
    away: usize,
    /// Whether bytes were taken since the last flush.
    unflushed: bool,
    blocks: Option<SyncSender<Blocks>>,
    returned: Receiver<Buffer>,
    thread: Option<JoinHandle<io::Result<()>>>,
    /// The ordinary handle, for the part block at a flush.
    file: File,
}

impl DirectWriter {
    /// Opens `path` (a new, empty file, whose ordinary handle is `file`)
    /// for writing past the page cache; gives `file` back where the file
    /// system does not take `O_DIRECT` or no thread can be started.
    pub(crate) fn open(path: &Path, file: File) -> Result<DirectWriter, File> {
        let opened = std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_DIRECT)
            .open(path);
        let (Ok(direct), Ok(ordinary)) = (opened, file.try_clone()) else {
            return Err(file);
        };
        let (blocks, to_write) = sync_channel::<Blocks>(BUFFERS);
        let (give_back, returned) = sync_channel::<Buffer>(BUFFERS);
        let spawned = std::thread::Builder::new()
            .name("direct-writer".into())
            .spawn(move || write_blocks(direct, ordinary, &to_write, &give_back));
        let Ok(thread) = spawned else {
            return Err(file);
        };
        Ok(DirectWriter {
            buffer: Buffer::new(),
            len: 0,
            offset: 0,
            spare: Vec::new(),
            away: 0,
            unflushed: false,
            blocks: Some(blocks),
            returned,
            thread: Some(thread),
            file,
        })
    }

    /// The writing thread's error, once it has stopped.
    fn stopped(&mut self) -> io::Error {
        self.blocks = None;
        match self.thread.take().map(JoinHandle::join) {
            Some(Ok(Err(e))) => e,
            _ => io::Error::other("the writing thread stopped unexpectedly"),
        }
    }

    /// A buffer back from the writing thread.
    fn take_back(&mut self) -> io::Result<Buffer> {
        match self.returned.recv() {
            Ok(b) => {
                self.away -= 1;
                Ok(b)
            }
            Err(_) => Err(self.stopped()),
        }
    }

    /// Sends the buffer's whole blocks to be written and carries the part
    /// block over to the front of the next buffer.
    fn send_blocks(&mut self) -> io::Result<()> {
        let whole = self.len - self.len % BLOCK;
        if whole == 0 {
            return Ok(());
        }
        let mut next = match self.spare.pop() {
            Some(b) => b,
            None if 1 + self.away < BUFFERS => Buffer::new(),
            None => self.take_back()?,
        };
        let part = self
            .buffer
            .window()
            .get(whole..self.len)
            .unwrap_or_default();
        next.window()
            .get_mut(..part.len())
            .unwrap_or_default()
            .copy_from_slice(part);
        let full = std::mem::replace(&mut self.buffer, next);
        let sent = self.blocks.as_ref().map(|b| {
            b.send(Blocks {
                buffer: full,
                len: whole,
                offset: self.offset,
            })
        });
        if !matches!(sent, Some(Ok(()))) {
            return Err(self.stopped());
        }
        self.away += 1;
        self.len -= whole;
        self.offset += whole as u64;
        Ok(())
    }
}

/// The writing thread: writes each buffer's blocks and gives it back.
fn write_blocks(
    direct: File,
    file: File,
    to_write: &Receiver<Blocks>,
    give_back: &SyncSender<Buffer>,
) -> io::Result<()> {
    let mut direct = Some(direct);
    for mut b in to_write {
        let bytes = b.buffer.window().get(..b.len).unwrap_or_default();
        if let Some(d) = &direct {
            match d.write_all_at(bytes, b.offset) {
                Ok(()) => {}
                // Refused (EINVAL): this file system wants other alignment
                // or no `O_DIRECT` at all; the ordinary handle takes over.
                Err(e) if e.kind() == io::ErrorKind::InvalidInput => direct = None,
                Err(e) => return Err(e),
            }
        }
        if direct.is_none() {
            file.write_all_at(bytes, b.offset)?;
        }
        if give_back.send(b.buffer).is_err() {
            break;
        }
    }
    Ok(())
}

impl Write for DirectWriter {
    fn write(&mut self, data: &[u8]) -> io::Result<usize> {
        if self.len == BUFFER {
            self.send_blocks()?;
        }
        let room = self.buffer.window().get_mut(self.len..).unwrap_or_default();
        let n = room.len().min(data.len());
        room.get_mut(..n)
            .unwrap_or_default()
            .copy_from_slice(data.get(..n).unwrap_or_default());
        self.len += n;
        self.unflushed |= n > 0;
        Ok(n)
    }

    /// Writes every byte: the whole blocks past the page cache, then the
    /// part block after them through the ordinary handle. The part block
    /// stays in the buffer and is written again, whole, with the bytes that
    /// follow it, so every `O_DIRECT` write stays aligned.
    fn flush(&mut self) -> io::Result<()> {
        if !self.unflushed {
            return Ok(());
        }
        self.send_blocks()?;
        while self.away > 0 {
            let b = self.take_back()?;
            self.spare.push(b);
        }
        if self.len > 0 {
            let part = self.buffer.window().get(..self.len).unwrap_or_default();
            self.file.write_all_at(part, self.offset)?;
        }
        self.unflushed = false;
        Ok(())
    }
}

impl Drop for DirectWriter {
    /// As a `BufWriter` does (nothing to do after the batch's own flush,
    /// which reports any error before the file is renamed into place).
    fn drop(&mut self) {
        let _ = self.flush();
        self.blocks = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing, reason = "tests")]

    use super::{BLOCK, BUFFER, BUFFERS, DirectWriter};
    use std::io::Write;

    /// Writes pieces of many lengths (past all the buffers, with flushes in
    /// the middle and a part block at the end) to a file in `dir`, and
    /// reads back exactly those bytes, whether the file system takes
    /// `O_DIRECT` or the writer falls back to the ordinary handle.
    fn round_trip(dir: &std::path::Path) {
        let temp = tempfile::NamedTempFile::new_in(dir).unwrap();
        let file = temp.as_file().try_clone().unwrap();
        let mut expected = Vec::new();
        {
            let mut w: Box<dyn Write> = match DirectWriter::open(temp.path(), file) {
                Ok(w) => Box::new(w),
                Err(file) => Box::new(std::io::BufWriter::new(file)),
            };
            let mut n = 0u32;
            let total = (BUFFERS + 1) * BUFFER + 3 * BLOCK + 17;
            while expected.len() < total {
                // Lengths from 1 byte to past a buffer, in a fixed sequence.
                n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let len = 1 + (n as usize >> 4) % (BUFFER + BLOCK);
                let piece: Vec<u8> = (0..len).map(|i| (i as u8).wrapping_add(n as u8)).collect();
                w.write_all(&piece).unwrap();
                expected.extend_from_slice(&piece);
                if n % 3 == 0 {
                    w.flush().unwrap();
                    let len = std::fs::metadata(temp.path()).unwrap().len();
                    assert_eq!(len, expected.len() as u64, "a flush writes every byte");
                }
            }
            w.flush().unwrap();
        }
        assert_eq!(std::fs::read(temp.path()).unwrap(), expected);
    }

    #[test]
    fn every_byte_arrives_in_order() {
        round_trip(&std::env::temp_dir());
    }

    /// tmpfs, where older kernels refuse `O_DIRECT` at `open`.
    #[test]
    fn every_byte_arrives_on_tmpfs_too() {
        let shm = std::path::Path::new("/dev/shm");
        if shm.is_dir() {
            round_trip(shm);
        }
    }
}
