namespace Tickets;

public enum TicketStatus
{
    Open,
    Closed,
}

/// <summary>A support ticket. Changes return a new value; the rules live in <see cref="Ticket.Close"/> and <see cref="Ticket.Open"/>.</summary>
public sealed record Ticket(Guid Id, string Title, TicketStatus Status, DateTimeOffset CreatedAt)
{
    public const int MaxTitleLength = 200;

    /// <summary>A new open ticket; the title is trimmed and must say something.</summary>
    public static Ticket Open(string title, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(title);
        var trimmed = title.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A ticket needs a title.", nameof(title));
        }

        if (trimmed.Length > MaxTitleLength)
        {
            throw new ArgumentException($"A ticket title has at most {MaxTitleLength} characters.", nameof(title));
        }

        return new Ticket(Guid.NewGuid(), trimmed, TicketStatus.Open, now);
    }

    /// <summary>Closes an open ticket; closing a closed one is a mistake worth reporting.</summary>
    public Ticket Close() =>
        Status == TicketStatus.Open ? this with { Status = TicketStatus.Closed } : throw new InvalidOperationException($"Ticket {Id} is already closed.");
}
