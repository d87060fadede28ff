/**
 * Validated spec records (ClassifierSpec, GeneratorSpec) whose Doc annotations describe and bound every
 * field; they round-trip through JSON for provenance. The model kinds, with what each generator kind
 * reports while it trains ({@link org.duetstudio.core.config.LossPart}).
 */
package org.duetstudio.core.config;
