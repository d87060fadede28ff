/** The command line: train, bench, datasets, help. */
package org.duetstudio.cli;
