namespace Chatbot.Tests.Knowledge.Support;

/// <summary>
/// A documents folder as an operator would write one, in a temporary directory the test owns:
/// how-tos for the platform's charge points and inverters, a warranty, an investment note.
/// </summary>
public sealed class OperatorDocuments : IDisposable
{
    public const string ChargePoints = "charge-points.md";
    public const string Inverters = "inverters/connecting-an-inverter.md";
    public const string Warranty = "battery-warranty.md";
    public const string Investment = "finance/investment-appraisal.md";

    /// <summary>Questions an operator's users ask, and the passage (document, heading) that answers each.</summary>
    public static readonly TheoryData<string, string, string> Questions = new()
    {
        { "How do I reset a charge point that hangs?", ChargePoints, "Resetting a charge point" },
        { "How are charging sessions billed?", ChargePoints, "Billing charging sessions" },
        { "Which inverter brands are supported?", Inverters, "Supported inverter brands" },
        { "Which port must be open between the inverter and the gateway?", Inverters, "Network requirements" },
        { "How long is the warranty on a battery?", Warranty, "Warranty period" },
        { "What must I send to claim a warranty replacement?", Warranty, "Making a claim" },
        { "How are payback periods worked out?", Investment, "Payback period" },
    };

    public OperatorDocuments()
        : this(empty: false)
    {
    }

    private OperatorDocuments(bool empty)
    {
        Folder = Directory.CreateTempSubdirectory("chatbot-documents-").FullName;
        if (empty)
        {
            return;
        }
        Write(ChargePoints, """
            # Charge point operations

            Operators manage every charge point of the platform from the Charging tab.

            ## Resetting a charge point

            A charge point that hangs or shows a fault can be restarted remotely. Open the charge point,
            choose Reset and pick a soft reset (the controller restarts once a running session has ended)
            or a hard reset (the whole station reboots at once). Both are sent over OCPP; the station
            reconnects within two minutes.

            ## Billing charging sessions

            Each session is billed to the RFID card that started it. The price per kWh and a session fee
            are set per tariff group; invoices are issued monthly.

            ## Load management limits

            The grid connection limit of a location caps the total charging power. Set it in amperes per
            phase; the backend divides it among the active sessions.
            """);
        Write(Inverters, """
            # Connecting an inverter

            ## Supported inverter brands

            SMA, Fronius, Huawei and SolarEdge inverters connect through their Modbus TCP interface.
            Other brands need the data logger.

            ## Network requirements

            The inverter needs a fixed IP address in the same network as the gateway, and TCP port 502
            open between the two. Firewalls must allow the connection in both directions.

            ## When an inverter does not appear

            Check the Modbus unit id (usually 3 for SMA, 1 for Fronius) and that Modbus TCP is switched
            on in the inverter's own settings.
            """);
        Write(Warranty, """
            # Battery storage warranty

            ## Warranty period

            Batteries sold through the platform are covered for ten years or 6,000 full cycles, whichever
            comes first; the usable capacity is guaranteed to stay above 70 percent.

            ## Making a claim

            Send the serial number, the cycle count and a state-of-health export to the service desk.
            The manufacturer decides on a replacement within 14 days.
            """);
        Write(Investment, """
            # Investment appraisal

            ## Payback period

            The payback period is the number of years until the savings of an investment have repaid its
            cost: the investment divided by the net saving of one year.

            ## Net present value

            The net present value discounts every future saving to today with the cost of capital and
            subtracts the investment; a positive value means the investment earns more than its capital costs.
            """);
    }

    public string Folder { get; }

    /// <summary>The folder without a file.</summary>
    public static OperatorDocuments Empty() => new(empty: true);

    public void Write(string document, string markdown)
    {
        var path = PathOf(document);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, markdown);
    }

    public void WriteBytes(string document, byte[] bytes) => File.WriteAllBytes(PathOf(document), bytes);

    /// <summary>Writes the file beside the folder and moves it in, so a watcher sees it whole, in one change.</summary>
    public void MoveIn(string document, string markdown)
    {
        var outside = Path.Combine(Path.GetTempPath(), $"chatbot-document-{Guid.NewGuid():N}.md");
        File.WriteAllText(outside, markdown);
        File.Move(outside, PathOf(document), overwrite: true);
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private string PathOf(string document) => Path.Combine(Folder, document);
}
