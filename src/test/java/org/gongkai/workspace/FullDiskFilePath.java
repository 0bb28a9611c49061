package org.gongkai.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's files on a disk that can be made full: {@code jdbc:h2:fulldisk:PATH} opens them as H2 would,
 * and every write fails as a full disk's does ({@code No space left on device}) while {@link #full}
 * is set — what a workspace's database meets when an upload fills the disk, without filling one.
 */
public final class FullDiskFilePath extends FilePathWrapper {

  /** Whether the disk is full now. */
  public static volatile boolean full;

  private static final FullDiskFilePath INSTANCE = new FullDiskFilePath();

  /** Makes {@code fulldisk:} known to H2 (once a process). */
  public static synchronized void register() {
    FilePath.register(INSTANCE);
  }

  @Override
  public String getScheme() {
    return "fulldisk";
  }

  @Override
  public FileChannel open(String mode) throws IOException {
    return new Full(super.open(mode));
  }

  /** A file whose writes fail while the disk is full. */
  private static final class Full extends FileBase {
    private final FileChannel base;

    Full(FileChannel base) {
      this.base = base;
    }

    private static void room() throws IOException {
      if (full) throw new IOException("No space left on device");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return base.read(dst);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return base.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      room();
      return base.write(src);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      room();
      return base.write(src, position);
    }

    @Override
    public long position() throws IOException {
      return base.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      base.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return base.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      room();
      base.truncate(size);
      return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      room();
      base.force(metaData);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return base.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      base.close();
    }
  }
}
