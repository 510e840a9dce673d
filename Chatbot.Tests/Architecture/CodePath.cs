using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace Chatbot.Tests.Architecture;

/// <summary>
/// The source files a request's code can run through: a static call graph over the compiled IL
/// (Mono.Cecil, with the PDB's sequence points naming each method's file), from the methods the
/// framework calls, through every call, lambda and async state machine into our assemblies. A call
/// through one of our interfaces reaches every implementation; a call into the framework is not
/// followed, so what the framework calls back is named as a root.
/// </summary>
public sealed class CodePath
{
    private readonly IReadOnlyList<ModuleDefinition> _modules;
    private readonly HashSet<string> _ours;
    private readonly Func<TypeDefinition, bool> _offPath;
    private readonly HashSet<MethodDefinition> _seen = [];

    private CodePath(IReadOnlyList<ModuleDefinition> modules, Func<TypeDefinition, bool> offPath)
    {
        _modules = modules;
        _ours = modules.Select(module => module.Assembly.Name.Name).ToHashSet();
        _offPath = offPath;
    }

    /// <summary>Reads the assemblies (and their PDBs) whose files are counted.</summary>
    public static CodePath Over(IEnumerable<System.Reflection.Assembly> assemblies, Func<TypeDefinition, bool> offPath) =>
        new(assemblies.Select(assembly => ModuleDefinition.ReadModule(assembly.Location, Reading(assembly))).ToArray(), offPath);

    private static ReaderParameters Reading(System.Reflection.Assembly assembly)
    {
        var resolver = new DefaultAssemblyResolver();
        resolver.AddSearchDirectory(Path.GetDirectoryName(assembly.Location));
        return new ReaderParameters { ReadSymbols = true, AssemblyResolver = resolver };
    }

    /// <summary>The files reachable from the roots' methods, relative to the repository.</summary>
    public IReadOnlySet<string> FilesFrom(IEnumerable<(string Type, string Method)> roots)
    {
        foreach (var (type, method) in roots)
        {
            var declaring = Type(type) ?? throw new InvalidOperationException($"No type {type}");
            var methods = declaring.Methods.Concat(declaring.NestedTypes.SelectMany(nested => nested.Methods))
                .Where(candidate => Named(candidate, method)).ToArray();
            Assert.True(methods.Length > 0, $"No method {type}.{method}");
            foreach (var root in methods)
            {
                Visit(root);
            }
        }
        return _seen.SelectMany(Files).Select(file => Path.GetRelativePath(RepoPaths.Root, file)).ToHashSet();
    }

    /// <summary>A method by name, every method with <c>*</c>, or the lambdas of a method with <c>&lt;Method&gt;</c>.</summary>
    private static bool Named(MethodDefinition candidate, string method) =>
        method == "*" ? candidate.DeclaringType.DeclaringType is null && !candidate.IsConstructor
        : method.StartsWith('<') ? candidate.Name.StartsWith(method, StringComparison.Ordinal)
        : candidate.Name == method;

    private TypeDefinition? Type(string fullName) =>
        _modules.Select(module => module.GetType(fullName)).FirstOrDefault(type => type is not null);

    private void Visit(MethodDefinition method)
    {
        if (_offPath(Outermost(method.DeclaringType)) || !_seen.Add(method))
        {
            return;
        }
        foreach (var stateMachine in method.CustomAttributes.Where(attribute => attribute.AttributeType.Name.EndsWith("StateMachineAttribute", StringComparison.Ordinal)))
        {
            var machine = ((TypeReference)stateMachine.ConstructorArguments[0].Value).Resolve();
            foreach (var moveNext in machine.Methods.Where(candidate => candidate.Name == "MoveNext"))
            {
                Visit(moveNext);
            }
        }
        if (!method.HasBody)
        {
            return;
        }
        foreach (var called in method.Body.Instructions.Select(instruction => instruction.Operand).OfType<MethodReference>())
        {
            foreach (var target in Targets(called))
            {
                Visit(target);
            }
        }
    }

    /// <summary>The called method, and where it is one of our abstract or interface methods, every implementation of ours.</summary>
    private IEnumerable<MethodDefinition> Targets(MethodReference called)
    {
        if (!_ours.Contains(called.DeclaringType.Scope is AssemblyNameReference name ? name.Name : called.Module.Assembly.Name.Name))
        {
            yield break;
        }
        if (Ours(called.Resolve()) is not { } method)
        {
            yield break;
        }
        yield return method;
        if (!method.IsVirtual)
        {
            yield break;
        }
        foreach (var type in _modules.SelectMany(module => module.GetTypes()))
        {
            foreach (var implementation in type.Methods.Where(candidate => candidate.IsVirtual && Implements(candidate, method)))
            {
                yield return implementation;
            }
        }
    }

    /// <summary>The same method in the module read with its symbols (Cecil's resolver reads its own copy, without them).</summary>
    private MethodDefinition? Ours(MethodDefinition? method) => method is null ? null
        : _modules.FirstOrDefault(module => module.Assembly.Name.Name == method.Module.Assembly.Name.Name)?.LookupToken(method.MetadataToken) as MethodDefinition;

    private static bool Implements(MethodDefinition candidate, MethodDefinition method) =>
        candidate != method && candidate.Name.EndsWith(method.Name, StringComparison.Ordinal)
        && (candidate.Overrides.Any(over => over.Resolve() == method)
            || candidate.GetOriginalBaseMethod() == method
            || (method.DeclaringType.IsInterface && candidate.Name == method.Name && candidate.DeclaringType.Interfaces.Any(face => face.InterfaceType.Resolve() == method.DeclaringType)));

    private static TypeDefinition Outermost(TypeDefinition type) => type.DeclaringType is null ? type : Outermost(type.DeclaringType);

    private static IEnumerable<string> Files(MethodDefinition method) =>
        method.DebugInformation.SequencePoints.Select(point => point.Document.Url)
            .Where(url => !url.Contains("/obj/", StringComparison.Ordinal)).Distinct();
}
