using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Captures <see cref="ConnectionAddress"/> as the very first middleware. Registered at the head
/// of the service list so it wraps the host's own forwarded-headers startup filter
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>), which otherwise runs first.
/// </summary>
internal sealed class ConnectionAddressStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Features.Set(new ConnectionAddress(context.Connection.RemoteIpAddress));
            return nextMiddleware(context);
        });
        next(app);
    };
}
