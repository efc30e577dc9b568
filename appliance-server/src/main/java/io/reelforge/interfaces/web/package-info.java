/**
 * The servlet layer in front of every part of the WAR (API, ops, docs and console): the request path guard, the
 * container's own error pages in the API's error shape, and standard reason phrases.
 */
package io.reelforge.interfaces.web;
