#Requires -Version 7.2
# Get-OciContainer on Docker and Podman: lists, filters, several engines at once (each container tagged with its
# engine), the same objects from both engines, errors, view and completion.

BeforeAll {
    . $PSScriptRoot/TestHelpers.ps1
    Import-Module $ModulePath -Force -ErrorAction Stop
    Get-OciConnection | Disconnect-OciEngine
    $docker, $podman = Connect-BothEngines -Prefix getctr
    $run = [guid]::NewGuid().ToString('N')
    $made = @{}
    foreach ($c in $docker, $podman) {
        $made[$c.Name] = @{
            Running = New-LabelledTestContainer -Connection $c -Run $run
            Stopped = New-LabelledTestContainer -Connection $c -Run $run -Script 'exit 3' -NoStart
        }
        $null = Start-OciContainer $made[$c.Name].Stopped.Name -Connection $c
        $null = Wait-OciContainer $made[$c.Name].Stopped.Name -Connection $c
    }
}

AfterAll {
    foreach ($c in $docker, $podman) { Remove-TestContainers -Run $run -Connection $c }
    Get-OciConnection | Disconnect-OciEngine
}

Describe 'Get-OciContainer' {
    It 'lists the running containers of <Name>, -All the others too, as OciContainer objects that carry their connection' -ForEach @(
        @{ Name = 'Docker' }, @{ Name = 'Podman' }
    ) {
        $c = if ($Name -eq 'Docker') { $docker } else { $podman }
        $mine = @(Get-OciContainer -Label "$ContainerLabel=$run" -Connection $c)
        $mine.Name | Should -Be @($made[$c.Name].Running.Name)
        $mine[0].GetType().FullName | Should -Be 'Oci.OciContainer'
        $mine[0].Connection | Should -Be $c
        $mine[0].State | Should -Be 'running'
        $all = @(Get-OciContainer -All -Label "$ContainerLabel=$run" -Connection $c)
        $all.Count | Should -Be 2
        ($all | Where-Object State -eq stopped).ExitCode | Should -Be 3
        ($all | Where-Object State -eq stopped).Status | Should -Match '^Exited \(3\) '
    }

    It 'Get-OciConnection | Get-OciContainer lists the containers of Docker and Podman, each tagged with its engine' {
        $both = @(Get-OciConnection | Get-OciContainer -Label "$ContainerLabel=$run")
        @($both | ForEach-Object { $_.Connection.Name } | Sort-Object) | Should -Be @('getctr-docker', 'getctr-podman')
        @($both | ForEach-Object { $_.Connection.Engine } | Sort-Object) | Should -Be @('Docker', 'Podman')
        $text = Get-OciConnection | Get-OciContainer -Label "$ContainerLabel=$run" | Out-String -Width 250
        $text | Should -Match 'Connection: getctr-docker \(Docker '
        $text | Should -Match 'Connection: getctr-podman \(Podman '
        Get-TableColumns ($text -split "`n" | Select-Object -Skip 2 | Out-String) | Should -Be @('Container ID', 'Image', 'Command', 'Created', 'Status', 'Ports', 'Names')
    }

    It 'gives the same objects on both engines for the same runbook' {
        $d = Get-OciContainer $made['getctr-docker'].Stopped.Name -Connection $docker
        $p = Get-OciContainer $made['getctr-podman'].Stopped.Name -Connection $podman
        ($d.PSObject.Properties.Name | Sort-Object) | Should -Be ($p.PSObject.Properties.Name | Sort-Object)
        foreach ($property in 'Image', 'State', 'EngineState', 'ExitCode', 'WorkingDirectory', 'NetworkMode', 'RestartPolicy', 'AutoRemove', 'MemoryLimit') {
            $d.$property | Should -Be $p.$property -Because "$property is the same on both engines"
        }
        $d.Command | Should -Be $p.Command
        $d.Labels[$ContainerLabel] | Should -Be $p.Labels[$ContainerLabel]
    }

    It 'filters by name with wildcards, by status, label and image, on both engines alike' {
        foreach ($c in $docker, $podman) {
            $running = $made[$c.Name].Running
            @(Get-OciContainer $running.Name -Connection $c).Id | Should -Be $running.Id
            @(Get-OciContainer 'pst-*' -Connection $c -Label "$ContainerLabel=$run").Count | Should -Be 2
            @(Get-OciContainer ($running.Name.Substring(0, 8) + '*') -Connection $c -Label "$ContainerLabel=$run").Name | Should -Contain $running.Name
            @(Get-OciContainer $running.ShortId -Connection $c).Name | Should -Be $running.Name
            @(Get-OciContainer -Status stopped -Label "$ContainerLabel=$run" -Connection $c).Name | Should -Be $made[$c.Name].Stopped.Name
            @(Get-OciContainer -All -Ancestor $Small -Label "$ContainerLabel=$run" -Connection $c).Count | Should -Be 2
            @(Get-OciContainer -All -Ancestor $Layers -Label "$ContainerLabel=$run" -Connection $c).Count | Should -Be 0
        }
    }

    It 'gets containers by id from the pipeline, from the engine that has them' {
        $running = $made['getctr-podman'].Running
        @([pscustomobject]@{ Id = $running.Id } | Get-OciContainer -Connection $docker, $podman).Connection.Name | Should -Be 'getctr-podman'
    }

    It 'a literal name no engine has is a non-terminating Oci.ContainerNotFound naming it; a pattern that matches nothing is no error' {
        $missing = New-TestContainerName -Prefix none
        $out = Get-OciContainer $missing, $made['getctr-docker'].Running.Name -Connection $docker -ErrorVariable ev -ErrorAction SilentlyContinue
        @($out).Count | Should -Be 1
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'Oci.ContainerNotFound,Oci.PowerShell.GetOciContainer'
        $ev[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $ev[0].TargetObject | Should -Be $missing
        Get-OciContainer 'none-nothing-*' -Connection $docker -ErrorVariable none
        $none.Count | Should -Be 0
        { Get-OciContainer -Status sleeping -Connection $docker -ErrorAction Stop } | Should -Throw -ErrorId 'Oci.InvalidArgument,Oci.PowerShell.GetOciContainer'
    }

    It 'completes names and short ids from the engines named on the command line, with image and state' {
        $running = $made['getctr-podman'].Running
        $line = "Stop-OciContainer -Connection `$podman -Id $($running.Name.Substring(0, 10))"
        $completions = (TabExpansion2 $line $line.Length).CompletionMatches
        $match = @($completions | Where-Object CompletionText -eq $running.Name)
        $match.Count | Should -Be 1
        $match[0].ToolTip | Should -Be "$Small, running"
        $line = "Get-OciContainerLog -Connection `$podman $($running.ShortId.Substring(0, 8))"
        (TabExpansion2 $line $line.Length).CompletionMatches.CompletionText | Should -Contain $running.ShortId
    }
}
