using System.Globalization;
using System.Xml;
using ChatPay.Domain.Receipts;
using ChatPay.Domain.Vietnamese;

namespace ChatPay.Bot.Receipts;

/// <summary>
/// A receipt's content as the XML document the collecting unit signs: every item the rules on e-receipts ask for
/// (Decree 123/2020/NĐ-CP, art. 32: the receipt's name, form and series, number, the unit's name, tax code and address, the
/// payer, each fee and charge with its amount, the total in figures and words, the date), and the lookup code.
/// </summary>
public static class ReceiptXml
{
    public const string Namespace = "urn:chatpay:bien-lai:1";
    public const string Root = "BienLaiDienTu";

    public static XmlDocument Of(Receipt receipt)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        var root = document.CreateElement(Root, Namespace);
        document.AppendChild(root);
        void Add(XmlElement parent, string name, string value) => parent.AppendChild(document.CreateElement(name, Namespace))!.InnerText = value;
        XmlElement Group(XmlElement parent, string name) => (XmlElement)parent.AppendChild(document.CreateElement(name, Namespace))!;

        Add(root, "TenBienLai", "BIÊN LAI THU PHÍ, LỆ PHÍ");
        if (receipt.Trial) Add(root, "ThuNghiem", Receipt.TrialMark);
        Add(root, "MauSo", receipt.FormNumber);
        Add(root, "KyHieu", receipt.Series);
        Add(root, "So", receipt.NumberText());
        Add(root, "MaTraCuu", receipt.LookupCode);
        var unit = Group(root, "DonViThu");
        Add(unit, "Ten", receipt.AgencyName);
        Add(unit, "MaSoThue", receipt.AgencyTaxCode);
        Add(unit, "DiaChi", receipt.AgencyAddress);
        Add(root, "NguoiNop", receipt.PayerName);
        var dossier = Group(root, "HoSo");
        Add(dossier, "Ma", receipt.DossierCode);
        Add(dossier, "ThuTuc", receipt.ProcedureName);
        var lines = Group(root, "CacKhoanThu");
        foreach (var line in receipt.Lines)
        {
            var item = Group(lines, "Khoan");
            Add(item, "Loai", line.KindLabel);
            Add(item, "Ten", line.Name);
            Add(item, "SoTien", line.Amount.ToString(CultureInfo.InvariantCulture));
        }
        Add(root, "TongTien", receipt.Total.ToString(CultureInfo.InvariantCulture));
        Add(root, "TongTienBangChu", AmountInWords.Spell(receipt.Total));
        Add(root, "NgayLap", VietnamTime.Local(receipt.PaidAt).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        var payment = Group(root, "ThanhToan");
        Add(payment, "HinhThuc", $"Trực tuyến qua {receipt.BankName}");
        Add(payment, "MaGiaoDich", receipt.GatewayTransactionNo ?? "");
        return document;
    }
}
