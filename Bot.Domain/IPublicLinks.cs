using ChatPay.Domain.Payments;
using ChatPay.Domain.Receipts;

namespace ChatPay.Domain;

/// <summary>Addresses of ChatPay's own pages that a person can open.</summary>
public interface IPublicLinks : Reports.IReportLinks
{
    string PaymentUrl(Payment payment);
    string ReceiptUrl(Receipt receipt);
}
