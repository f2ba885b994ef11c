<#
    Step one of the install check, in a fresh pwsh whose HOME is a temporary folder: registers the folder that
    holds Oci.<version>.nupkg as a repository and installs Oci from it with the given tool, as a user would.
    Prints one JSON line: where the module went.
#>
param(
    [Parameter(Mandatory)] [ValidateSet('Install-PSResource', 'Install-Module')] [string] $Tool,
    [Parameter(Mandatory)] [string] $Repository
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

if ($Tool -eq 'Install-PSResource') {
    Register-PSResourceRepository -Name OciLocal -Uri $Repository -Trusted
    Install-PSResource -Name Oci -Repository OciLocal -Scope CurrentUser -TrustRepository -Quiet
}
else {
    Register-PSRepository -Name OciLocal -SourceLocation $Repository -InstallationPolicy Trusted
    Install-Module -Name Oci -Repository OciLocal -Scope CurrentUser -Force
}

$installed = @(Get-Module -ListAvailable -Name Oci)
[pscustomobject]@{
    Paths    = @($installed.ModuleBase)
    Versions = @($installed.Version | ForEach-Object ToString)
} | ConvertTo-Json -Compress
