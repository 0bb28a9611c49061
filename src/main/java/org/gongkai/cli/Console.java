package org.gongkai.cli;

import java.io.PrintWriter;

/** Where a command writes: results to {@code out}, notes and errors to {@code err}. */
record Console(PrintWriter out, PrintWriter err) {}
