using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Chatbot.ApiService.Settings;

/// <summary>The OpenAPI document's title and version from <see cref="ServiceOptions"/>, as the seed's FastAPI app has them.</summary>
public sealed class ServiceInfoDocument(IOptions<ServiceOptions> options) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = options.Value.Name;
        document.Info.Version = options.Value.Version ?? document.Info.Version;
        return Task.CompletedTask;
    }
}
