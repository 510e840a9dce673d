namespace Chatbot.ApiService.Runs;

/// <summary>How opening a run's journal went (<see cref="RunJournal.OpenAsync"/>).</summary>
public enum JournalOpening
{
    /// <summary>Stored: the client may resume it.</summary>
    Journaled,

    /// <summary>The store failed: the answer streams on, not resumable.</summary>
    NotJournaled,

    /// <summary>Its owner already has as many runs running as allowed; nothing was stored.</summary>
    TooMany,
}
