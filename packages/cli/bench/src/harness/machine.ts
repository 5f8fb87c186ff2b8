import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface Machine {
  readonly node: string;
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly date: string;
  /** 1-minute load average when the run started: other work competing for the cores. */
  readonly loadAverage: number;
}

export const describeMachine = (): Machine => {
  const cpuList = cpus();
  return {
    node: process.version,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${platform()} ${release()}`,
    date: new Date().toISOString(),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
};

/** The 1-minute load average now, to set beside the one at the start. */
export const currentLoad = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;
