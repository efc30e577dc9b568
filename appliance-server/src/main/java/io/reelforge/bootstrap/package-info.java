/** Start-up and shut-down: seed data on first start, recovery of interrupted renders, the job runner, Derby. */
package io.reelforge.bootstrap;
