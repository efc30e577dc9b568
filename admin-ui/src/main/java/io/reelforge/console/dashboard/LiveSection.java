package io.reelforge.console.dashboard;

/** A part of the dashboard that reads its figures again on each of the dashboard's polls. */
public interface LiveSection {

    void refresh();
}
