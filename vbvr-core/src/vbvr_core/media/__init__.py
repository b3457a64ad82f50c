"""Media I/O: the byte-stable H.264 writer, the never-raising resampling reader, frame utilities."""
