using System.ComponentModel;
using System.Globalization;
using Microsoft.SemanticKernel;

namespace Chatbot.ApiService.Tools;

/// <summary>
/// The finance specialist's calculators. Inputs are validated; an invalid one returns a
/// sentence saying which, so the model can ask again instead of failing the run.
/// </summary>
public sealed class FinanceTools
{
    public const string CalculatePayback = "calculate_payback";
    public const string EstimatePvCapex = "estimate_pv_capex";
    public const double DefaultCapexPerKwp = 1_100;
    private const double MaxAmount = 1e10;

    [KernelFunction(CalculatePayback)]
    [Description("Simple payback period in years: CAPEX divided by (annual savings minus annual OPEX).")]
    public string Payback(
        [Description("One-off investment in EUR")] double capexEur,
        [Description("Annual savings or revenue in EUR")] double annualSavingsEur,
        [Description("Annual operating cost in EUR, 0 if unknown")] double annualOpexEur = 0)
    {
        if (!IsAmount(capexEur) || capexEur <= 0)
        {
            return "Invalid input: capexEur must be a positive amount.";
        }
        if (!IsAmount(annualSavingsEur) || !IsAmount(annualOpexEur) || annualOpexEur < 0)
        {
            return "Invalid input: annualSavingsEur and annualOpexEur must be amounts, annualOpexEur not negative.";
        }
        var net = annualSavingsEur - annualOpexEur;
        if (net <= 0)
        {
            return Invariant($"The net annual saving is {net:N0} EUR, so the investment of {capexEur:N0} EUR never pays back.");
        }
        return Invariant($"Payback: {capexEur / net:0.0} years (CAPEX {capexEur:N0} EUR, net annual saving {net:N0} EUR).");
    }

    [KernelFunction(EstimatePvCapex)]
    [Description("Estimates the CAPEX of a rooftop PV system from its size in kWp.")]
    public string PvCapex(
        [Description("System size in kWp")] double kwp,
        [Description("Cost per kWp in EUR, 1100 if unknown")] double eurPerKwp = DefaultCapexPerKwp)
    {
        if (!IsAmount(kwp) || kwp <= 0 || kwp > 100_000)
        {
            return "Invalid input: kwp must be between 0 and 100,000.";
        }
        if (!IsAmount(eurPerKwp) || eurPerKwp <= 0)
        {
            return "Invalid input: eurPerKwp must be a positive amount.";
        }
        return Invariant($"Estimated CAPEX: {kwp * eurPerKwp:N0} EUR for {kwp:0.#} kWp at {eurPerKwp:N0} EUR/kWp.");
    }

    private static bool IsAmount(double value) => double.IsFinite(value) && Math.Abs(value) < MaxAmount;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
