namespace Tickets.Tests;

public sealed class TicketSpecs
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_ticket_is_open_with_its_title_trimmed()
    {
        var ticket = Ticket.Open("  Printer on fire  ", Now);

        Assert.Equal("Printer on fire", ticket.Title);
        Assert.Equal(TicketStatus.Open, ticket.Status);
        Assert.Equal(Now, ticket.CreatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_ticket_needs_a_title(string title) =>
        Assert.Throws<ArgumentException>(() => Ticket.Open(title, Now));

    [Fact]
    public void A_title_longer_than_the_limit_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Ticket.Open(new string('x', Ticket.MaxTitleLength + 1), Now));
        Assert.Equal(Ticket.MaxTitleLength, Ticket.Open(new string('x', Ticket.MaxTitleLength), Now).Title.Length);
    }

    [Fact]
    public void Closing_an_open_ticket_closes_it_and_closing_it_again_is_an_error()
    {
        var closed = Ticket.Open("Reset my password", Now).Close();

        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Throws<InvalidOperationException>(() => closed.Close());
    }
}
