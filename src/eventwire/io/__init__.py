"""Input readers and output writers: the I/O edge of the pipeline."""
