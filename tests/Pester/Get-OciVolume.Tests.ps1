#Requires -Version 7.2
# Get-OciVolume on Docker and Podman: volumes with their connection, names with wildcards, labels, dangling, several
# engines at once, errors, completion.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix getvol
    $run = [guid]::NewGuid().ToString('N').Substring(0, 10)
    $name = "getvol-$run"
    foreach ($c in $docker, $podman) { $null = New-OciVolume $name -Label @{ 'oci.test.vol' = $run } -Connection $c }
}

AfterAll {
    Get-OciVolume "getvol-$run*" -Connection $docker, $podman | Remove-OciVolume -Force
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciVolume' {
    It 'lists the volumes of both engines at once, each with its connection, like docker volume ls' {
        $vols = @(Get-OciConnection | Get-OciVolume "getvol-$run")
        $vols.Count | Should -Be 2
        $vols | ForEach-Object { $_.GetType().FullName | Should -Be 'Oci.OciVolume'; $_.Driver | Should -Be 'local' }
        @($vols.Connection.Name | Sort-Object) | Should -Be @('getvol-docker', 'getvol-podman')
        $text = $vols | Out-String -Width 200
        $text | Should -Match 'Connection: getvol-docker \(Docker '
        Get-TableColumns $text | Should -Be @('Driver', 'Volume Name', 'Created')
    }

    It 'filters by wildcard, label and dangling' {
        @(Get-OciVolume "getvol-$($run.Substring(0, 5))*" -Connection $docker).Name | Should -Contain $name
        @(Get-OciVolume -Label "oci.test.vol=$run" -Connection $docker, $podman).Count | Should -Be 2
        @(Get-OciVolume -Label "oci.test.vol=other" -Connection $docker).Count | Should -Be 0
        @(Get-OciVolume -Label "oci.test.vol=$run" -Dangling -Connection $docker).Count | Should -Be 1
        @(Get-OciVolume -Label "oci.test.vol=$run" -Dangling:$false -Connection $docker).Count | Should -Be 0
    }

    It 'a literal name no engine has is a non-terminating Oci.VolumeNotFound; a pattern that matches nothing is no error' {
        $out = @(Get-OciVolume "getvol-none-$run", $name -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue)
        $out.Count | Should -Be 1
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.VolumeNotFound,Oci.PowerShell.GetOciVolume'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ev[0].TargetObject | Should -Be "getvol-none-$run"
        Get-OciVolume "getvol-none-*" -Connection $docker -ErrorVariable none
        $none.Count | Should -Be 0
        { Get-OciVolume 'bad[' -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidWildcard,Oci.PowerShell.GetOciVolume'
    }

    It 'completes -Name with the volumes the engine has' {
        $line = "Get-OciVolume -Connection `$podman getvol-$run"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain $name
    }
}
