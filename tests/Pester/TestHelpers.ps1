# Shared set-up of the Pester suite (dot-source it in BeforeAll). Mirrors the xunit suite's infrastructure:
# tests/Oci.PowerShell.Tests/Infrastructure/TestEnvironment.cs, PsSession.cs and TestRegistry.cs.
# Real engines only: the same environment variables, with the same defaults, as the xunit suite.

$RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path
$ModulePath = Join-Path $RepoRoot 'out' 'Oci' 'Oci.psd1'
$ModuleFolder = Split-Path $ModulePath
$Endpoint = if ($env:OCI_TEST_DOCKER_HOST) { $env:OCI_TEST_DOCKER_HOST } else { 'unix:///tmp/oci-testbed/docker/docker.sock' }
$Registry = if ($env:OCI_TEST_REGISTRY) { $env:OCI_TEST_REGISTRY } else { '127.0.0.1:5000' }
$Small = "$Registry/small:latest"
$Small10 = "$Registry/small:1.0"
$Big = "$Registry/big:latest"
$Layers = "$Registry/layers:latest"
$DeadEndpoint = 'unix:///tmp/none.sock'
$StoppedRegistry = '127.0.0.1:5009'
$Cmdlets = @('Connect-OciEngine', 'Disconnect-OciEngine', 'Get-OciConnection', 'Invoke-OciPull', 'Invoke-OciRequest')

if (-not (Test-Path $ModulePath)) {
    throw "The built module is missing: $ModulePath does not exist. Run 'dotnet build src/Oci.PowerShell' (or ./build.ps1 -Task Build) first."
}

function Connect-TestEngine {
    # Connect-OciEngine to the test engine; a clear failure (never a skip) when the engine is not there.
    param([string] $Name)
    $params = @{ Endpoint = $Endpoint; ErrorAction = 'Stop' }
    if ($Name) { $params.Name = $Name }
    try {
        Connect-OciEngine @params
    }
    catch {
        throw "Cannot connect to the Docker test engine at $Endpoint (env OCI_TEST_DOCKER_HOST). These tests need the real engine and registry ($Registry, env OCI_TEST_REGISTRY) running; start the test bed. $($_.FullyQualifiedErrorId): $_"
    }
}

function New-TestRunspace {
    # A fresh runspace (like the xunit suite's PsSession.Start) with the same variables, optionally with the module imported.
    param([switch] $NoModule)
    $rs = [runspacefactory]::CreateRunspace([initialsessionstate]::CreateDefault2())
    $rs.Open()
    foreach ($name in 'ModulePath', 'Endpoint', 'Registry', 'Small', 'Small10', 'Big', 'Layers', 'DeadEndpoint', 'StoppedRegistry') {
        $rs.SessionStateProxy.SetVariable($name, (Get-Variable -Name $name -ValueOnly))
    }
    if (-not $NoModule) {
        $r = Invoke-InRunspace $rs { Import-Module $ModulePath -ErrorAction Stop }
        if ($r.Terminating -or $r.Errors.Count) { throw "Import-Module $ModulePath failed in a new runspace: $($r.Terminating) $($r.Errors)" }
    }
    $rs
}

function Invoke-InRunspace {
    # Runs a script in $Runspace and returns every stream, like the xunit suite's PsSession.Run.
    param(
        [Parameter(Mandatory)] [runspace] $Runspace,
        [Parameter(Mandatory)] [scriptblock] $ScriptBlock,
        [hashtable] $Parameters = @{}
    )
    $ps = [powershell]::Create()
    try {
        $ps.Runspace = $Runspace
        $null = $ps.AddScript($ScriptBlock.ToString())
        if ($Parameters.Count) { $null = $ps.AddParameters($Parameters) }
        $terminating = $null
        $output = @()
        try { $output = @($ps.Invoke()) } catch { $terminating = $_ }
        [pscustomobject]@{
            Output      = $output
            Errors      = @($ps.Streams.Error)
            AllErrors   = @($ps.Streams.Error) + @(if ($terminating) { $terminating.Exception.InnerException.ErrorRecord ?? $terminating })
            Progress    = @($ps.Streams.Progress)
            Verbose     = @($ps.Streams.Verbose)
            Terminating = $terminating
        }
    }
    finally {
        $ps.Dispose()
    }
}

function Connect-InRunspace {
    # Connect-OciEngine in $Runspace, assigned to $<Variable> there; fails clearly when the engine is not there.
    param([runspace] $Runspace, [string] $Name, [string] $Variable = 'c')
    $r = Invoke-InRunspace $Runspace {
        param($Name, $Variable)
        $p = @{ Endpoint = $Endpoint }
        if ($Name) { $p.Name = $Name }
        Set-Variable -Name $Variable -Value (Connect-OciEngine @p) -Scope Global
        Get-Variable -Name $Variable -ValueOnly
    } @{ Name = $Name; Variable = $Variable }
    if ($r.Errors.Count -or $r.Terminating -or $r.Output.Count -ne 1) {
        throw "Cannot connect to the Docker test engine at $Endpoint (env OCI_TEST_DOCKER_HOST); start the test bed. $($r.Errors) $($r.Terminating)"
    }
    $r.Output[0]
}

function New-TestImageTag {
    # Copies NAME:latest to REGISTRY/pstests/NAME:t-GUID (blobs mounted, manifest copied byte for byte) and
    # returns that reference: an image that exists in the registry and certainly not in the engine.
    # Mirrors TestRegistry.NewUniqueTag.
    param([Parameter(Mandatory)] [string] $Name)
    $types = 'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json'
    $target = "pstests/$Name"
    $tag = 't-' + [guid]::NewGuid().ToString('N')
    $http = [System.Net.Http.HttpClient]::new()
    try {
        $send = {
            param($method, $uri, $content, [int] $expect, $what)
            $req = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::new($method), $uri)
            if ($content) { $req.Content = $content } else { $req.Headers.Accept.ParseAdd($types) }
            $resp = $http.SendAsync($req).GetAwaiter().GetResult()
            if ([int]$resp.StatusCode -ne $expect) {
                throw "Registry ${Registry}: $what answered $([int]$resp.StatusCode): $($resp.Content.ReadAsStringAsync().GetAwaiter().GetResult())"
            }
            $resp
        }
        $manifest = & $send 'GET' "http://$Registry/v2/$Name/manifests/latest" $null 200 "GET $Name`:latest manifest"
        $bytes = $manifest.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult()
        $mediaType = $manifest.Content.Headers.ContentType.MediaType
        $doc = [System.Text.Encoding]::UTF8.GetString($bytes) | ConvertFrom-Json
        foreach ($digest in (@($doc.config.digest) + @($doc.layers.digest) | Select-Object -Unique)) {
            $null = & $send 'POST' "http://$Registry/v2/$target/blobs/uploads/?mount=$digest&from=$Name" ([System.Net.Http.ByteArrayContent]::new([byte[]]@())) 201 "mount $digest"
        }
        $body = [System.Net.Http.ByteArrayContent]::new($bytes)
        $body.Headers.ContentType = [System.Net.Http.Headers.MediaTypeHeaderValue]::new($mediaType)
        $null = & $send 'PUT' "http://$Registry/v2/$target/manifests/$tag" $body 201 "PUT $target`:$tag"
    }
    finally {
        $http.Dispose()
    }
    "$Registry/$target`:$tag"
}

function Get-TableColumns {
    # The column labels of a table rendered as text: the labels sit above the runs of dashes.
    param([Parameter(Mandatory)] [string] $Text)
    $lines = @(($Text -replace "`e\[[0-9;]*m", '') -split "`r?`n" | ForEach-Object { $_.TrimEnd() } | Where-Object { $_ })
    $i = [array]::FindIndex([string[]]$lines, [Predicate[string]] { param($l) $l -match '^[- ]+$' })
    if ($i -lt 1) { throw "No table header underline in:`n$Text" }
    $header = $lines[$i - 1]
    foreach ($m in [regex]::Matches($lines[$i], '-+')) {
        if ($m.Index -ge $header.Length) { '' }
        else { $header.Substring($m.Index, [Math]::Min($m.Length, $header.Length - $m.Index)).Trim() }
    }
}

# The designed columns (Oci.format.ps1xml); the xunit suite's ModuleTests holds the same lists.
$ImageColumns = @('Repository', 'Tag', 'Image ID', 'Created', 'Size')
$ConnectionColumns = @('Name', 'Driver', 'Endpoint', 'Engine', 'Version', 'API', 'Connected')
$ResponseColumns = @('Method', 'Kind', 'Target', 'Status', 'Result', 'Duration(ms)')
