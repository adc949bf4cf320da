using ChatPay.Domain.Dossiers;

namespace ChatPay.Tests.Domain;

[Trait("Tier", "Unit")]
public class DossierTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private static Dossier NewDossier() => new("H42.10-261125-0001", "Thủ tục", "H42.10", "Sở Tư pháp", "Nguyễn Văn An", null, Now);

    [Fact]
    public void The_total_is_the_sum_of_fee_and_charge_lines()
    {
        var dossier = NewDossier();
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí thẩm định", 500_000), new FeeLine(FeeKind.Charge, "Lệ phí cấp giấy", 100_000)], Now);

        Assert.Equal(600_000, dossier.Total());
        Assert.Equal(DossierStatus.AwaitingPayment, dossier.Status);
        Assert.Equal(1, dossier.RequestVersion);
    }

    [Fact]
    public void A_new_dossier_has_no_payment_request()
    {
        var dossier = NewDossier();

        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal(0, dossier.Total());
    }

    [Fact]
    public void Amending_a_request_moves_its_version_on()
    {
        var dossier = NewDossier();
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí", 100_000)], Now);
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí", 120_000)], Now);

        Assert.Equal(2, dossier.RequestVersion);
        Assert.Equal(120_000, dossier.Total());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5_000)]
    public void A_line_without_a_positive_amount_is_refused(long amount) =>
        Assert.Throws<ArgumentException>(() => NewDossier().RequestPayment([new FeeLine(FeeKind.Fee, "Phí", amount)], Now));

    [Fact]
    public void A_request_without_lines_is_refused() =>
        Assert.Throws<ArgumentException>(() => NewDossier().RequestPayment([], Now));

    [Fact]
    public void A_paid_dossier_cannot_be_paid_again_or_amended()
    {
        var dossier = NewDossier();
        dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí", 100_000)], Now);
        dossier.MarkPaid("p1", "r1", Now, null);

        Assert.Throws<InvalidOperationException>(() => dossier.MarkPaid("p2", "r2", Now, null));
        Assert.Throws<InvalidOperationException>(() => dossier.RequestPayment([new FeeLine(FeeKind.Fee, "Phí", 1)], Now));
    }
}
