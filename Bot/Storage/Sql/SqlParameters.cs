using System.Data.Common;

namespace ChatPay.Bot.Storage.Sql;

/// <summary>Binds a parameter by name the same way on every ADO.NET provider.</summary>
public static class SqlParameters
{
    public static void Add(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
