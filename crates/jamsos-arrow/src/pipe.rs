//! An in-process pipe: `jamsos_batch::run` writes its CSV result into it on
//! one thread while the Arrow CSV reader parses it on another, so a CSV roster
//! can give a Parquet or Arrow result with the CSV path's exact values.

use std::io::{self, Read, Write};
use std::sync::mpsc::{Receiver, SyncSender};

/// The writing end: each write is one message.
pub(crate) struct PipeWriter(pub(crate) SyncSender<Vec<u8>>);

impl Write for PipeWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .send(buf.to_vec())
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the reader stopped"))?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reading end: the messages in order, then the end of the input.
pub(crate) struct PipeReader {
    rx: Receiver<Vec<u8>>,
    current: Vec<u8>,
    pos: usize,
}

impl PipeReader {
    pub(crate) fn new(rx: Receiver<Vec<u8>>) -> PipeReader {
        PipeReader {
            rx,
            current: Vec::new(),
            pos: 0,
        }
    }
}

impl Read for PipeReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.current.len() {
            match self.rx.recv() {
                Ok(next) => {
                    self.current = next;
                    self.pos = 0;
                }
                Err(_) => return Ok(0),
            }
        }
        let rest = self.current.get(self.pos..).unwrap_or_default();
        let n = rest.len().min(buf.len());
        if let (Some(dst), Some(src)) = (buf.get_mut(..n), rest.get(..n)) {
            dst.copy_from_slice(src);
        }
        self.pos += n;
        Ok(n)
    }
}
